# Writes the man page and the shell completions by running the binary just built
# (`clientscore --print-man`, `--print-completion SHELL`): they come from the option table that
# drives --help, so they cannot fall behind it. Run by the clientscore_docs target with
# -DBINARY=<clientscore> -DOUT=<build dir>.
foreach(var BINARY OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "generate_docs.cmake needs -D${var}=...")
  endif()
endforeach()

function(write_output file)
  # Through a temporary file: a failed run must not leave a half-written page that make would
  # then take for up to date.
  execute_process(COMMAND "${BINARY}" ${ARGN} OUTPUT_FILE "${file}.tmp" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    file(REMOVE "${file}.tmp")
    message(FATAL_ERROR "${BINARY} ${ARGN} failed: ${status}")
  endif()
  file(RENAME "${file}.tmp" "${file}")
endfunction()

file(MAKE_DIRECTORY "${OUT}/completions")
write_output("${OUT}/clientscore.1" --print-man)
write_output("${OUT}/completions/clientscore.bash" --print-completion bash)
write_output("${OUT}/completions/_clientscore" --print-completion zsh)
write_output("${OUT}/completions/clientscore.fish" --print-completion fish)
