#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ for a bounded time each (README "Reliability").
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]      (default: every target)
# Seeds come from fuzz/seeds, sample_data, tests/data and, read in place, the CSV suites of
# ../shared/realdata (never copied into the repository). What the fuzzer learns is kept in
# BUILD_DIR/corpus/TARGET between runs; findings go to BUILD_DIR/artifacts/TARGET/ and fail
# the run. FUZZ_JOBS=2 runs two targets at a time.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_csv fuzz_timestamp fuzz_amount fuzz_duration fuzz_pipeline fuzz_xlsx)
jobs=${FUZZ_JOBS:-1}
realdata=../shared/realdata/csv-suites

# One seed file per line of a values list.
seed_lines() {
    local list=$1 out=$2 n=0
    mkdir -p "$out"
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        printf '%s' "$line" > "$out/line-$n"
    done < "$list"
}

# --date-format seeds: each line `PATTERN<TAB>...<TAB>VALUE` becomes the input PATTERNS (tab
# separated, as --date-format given several times), line feed, VALUE: the last field is the value.
seed_format_lines() {
    local list=$1 out=$2 n=0 line
    mkdir -p "$out"
    while IFS= read -r line || [ -n "$line" ]; do
        n=$((n + 1))
        printf '%s\n%s' "${line%$'\t'*}" "${line##*$'\t'}" > "$out/format-$n"
    done < "$list"
}

# Pipeline seeds: each options line with the first rows of every sample export.
seed_pipeline() {
    local out=$1 n=0
    mkdir -p "$out"
    while IFS= read -r options || [ -n "$options" ]; do
        n=$((n + 1))
        {
            printf '%s\n' "$options"
            printf '%%%%l\n'; head -n 12 sample_data/clients.csv
            printf '%%%%c\n'; head -n 30 sample_data/calls.csv
            printf '%%%%e\n'; head -n 30 sample_data/emails.csv
            printf '%%%%i\n'; head -n 30 sample_data/invoices.csv
            printf '%%%%d\n'; head -n 10 sample_data/discounts.csv
        } > "$out/sample-$n"
    done < fuzz/seeds/pipeline-options.txt
    printf 'rank --format json\n%%%%i\nclient,issued_at,due_at,amount,currency\nA,2026-09-01,2026-09-30,10,USD\n%%%%x\ncurrency,rate\nUSD,0.9\n%%%%h\ndate\n2026-09-02\n' \
        > "$out/fx-holidays"
    # Revision 3: an .xlsx invoices export (`%%XK`), time entries, a baseline, the new options.
    printf '%s\n%%%%Xi\nclient,issued_at,due_at,amount,status\nA,2026-09-01,2026-09-30,10,overdue\nB,46266,46280,20,paid\n%%%%w\ndate,client,hours,person\n2026-09-02,A,1.5,Ann\n2026-09-03,B,2,Bo\n%%%%c\nclient,started_at,duration,person\nA,03-Sep-26 22:10,600,Ann\n%%%%b\n{"schema_version": 1, "period": {"from": "2026-08-01", "to": "2026-08-31", "as_of": "2026-08-31"}, "clients": [{"client": "A", "verdict": "keep", "toxicity": 10.5}, {"client": "Z", "verdict": "fire", "toxicity": 80}]}\n' \
        'rank --format json --aging 15,45 --date-format "%d-%b-%y %H:%M" --fail-on-change fire' > "$out/revision-3"
    printf '%s\n%%%%Xc\nTitle\nclient,started_at,duration\nA,2026-09-01 10:00,60\n%%%%i\nclient,issued_at,due_at,amount\nA,2026-09-01,2026-09-30,10\n' \
        'explain A --header-row 2 --where "calls.client=A|B" --max-bad-rows 1 --format html' > "$out/revision-3-xlsx"
}

run_target() {
    local t=$1 corpus="$build/corpus/$t" seeds="$build/seeds/$t" artifacts="$build/artifacts/$t/"
    local log="$build/logs/$t.log" extra=() max_len=256
    rm -rf "$seeds"
    mkdir -p "$corpus" "$seeds" "$artifacts" "$build/logs"
    case $t in
        fuzz_timestamp)
            seed_lines fuzz/seeds/timestamp.txt "$seeds"
            seed_format_lines fuzz/seeds/timestamp-formats.txt "$seeds"
            ;;
        fuzz_amount) seed_lines fuzz/seeds/amount.txt "$seeds" ;;
        fuzz_duration) seed_lines fuzz/seeds/duration.txt "$seeds" ;;
        fuzz_csv)
            max_len=65536
            cp sample_data/*.csv "$seeds/"
            extra=(tests/data)
            [ -d "$realdata" ] && extra+=("$realdata")
            ;;
        fuzz_xlsx)
            # Workbooks written by fuzz/make_xlsx_seeds.py, each behind its mode byte.
            max_len=131072
            cp fuzz/seeds/xlsx/* "$seeds/"
            ;;
        fuzz_pipeline)
            max_len=65536
            seed_pipeline "$seeds"
            extra=(tests/data)
            [ -d "$realdata" ] && extra+=("$realdata")
            ;;
    esac
    local status=0 cpu
    # The CPU time the fuzzer had (bash's `times` in a subshell: its children's user and
    # system time): on a shared machine it is less than the wall time it was given.
    cpu=$(
        "$build/fuzz/$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len="$max_len" \
            -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" "$seeds" "${extra[@]}" > "$log" 2>&1 ||
            echo "status $?" >> "$log"
        times > "$log.times"
        tail -1 "$log.times" | awk '{ split($1, u, "m"); split($2, s, "m"); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }'
    )
    if grep -q '^status [0-9]*$' "$log"; then
        status=$(sed -n 's/^status //p' "$log" | tail -1)
    fi
    echo "$(date -u +%FT%TZ) $t wall ${seconds}s cpu ${cpu}s runs $(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1) status $status" \
        >> "$build/logs/history.txt"
    local runs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    if [ "$status" -ne 0 ]; then
        echo "$t: FAILED after ${runs:-?} runs (status $status); see $log and $artifacts"
        grep -E '^==[0-9]+==ERROR|runtime error|^SUMMARY' "$log" | head -5 || true
        return 1
    fi
    echo "$t: ${runs:-?} runs in ${seconds}s (${cpu}s of CPU), no findings (corpus: $(ls "$corpus" | wc -l) inputs)"
}

failed=0
pids=()
for t in "${targets[@]}"; do
    if [ "$jobs" -gt 1 ]; then
        run_target "$t" & pids+=($!)
        if [ ${#pids[@]} -ge "$jobs" ]; then
            wait "${pids[0]}" || failed=1
            pids=("${pids[@]:1}")
        fi
    else
        run_target "$t" || failed=1
    fi
done
for p in "${pids[@]}"; do
    wait "$p" || failed=1
done
exit $failed
