#!/usr/bin/env bash
# Lists the failed tests in every .trx under a folder: name, then the first lines of the message and of the stack.
# Plain grep/sed so that it needs nothing beyond what deploy/test already needs.
set -uo pipefail
folder="${1:-TestResults}"
find "$folder" -name '*.trx' -print0 | while IFS= read -r -d '' trx; do
  # One result per line: a .trx's UnitTestResult elements can span many lines.
  tr '\n' ' ' <"$trx" | sed 's/<UnitTestResult /\n<UnitTestResult /g' | grep '^<UnitTestResult [^>]*outcome="Failed"' |
    while IFS= read -r result; do
      name=$(sed -n 's/.*testName="\([^"]*\)".*/\1/p' <<<"$result")
      message=$(sed -n 's/.*<Message>\(.*\)<\/Message>.*/\1/p' <<<"$result" | cut -c1-1200)
      stack=$(sed -n 's/.*<StackTrace>\(.*\)<\/StackTrace>.*/\1/p' <<<"$result" | cut -c1-600)
      echo "FAILED: $name" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
      echo "  message: $message" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
      echo "  stack: $stack" | sed 's/&quot;/"/g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g'
    done
done
