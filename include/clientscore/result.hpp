#pragma once
// A value or the reason it could not be had: how the pure parsers of normalize/ report failure
// without exceptions (std::expected is C++23).

#include <optional>
#include <string>
#include <utility>

namespace clientscore {

template <class T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}  // NOLINT: implicit on purpose
    static Result failure(std::string why) {
        Result r;
        r.m_error = std::move(why);
        return r;
    }
    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const { return *m_value; }
    T& value() { return *m_value; }
    const T& operator*() const { return *m_value; }
    const T* operator->() const { return &*m_value; }
    /// Why it failed, phrased to follow the quoted value: `is not a date`.
    const std::string& error() const { return m_error; }

private:
    Result() = default;
    std::optional<T> m_value;
    std::string m_error;
};

}  // namespace clientscore
