/**
 * The completion scripts `estimate completion SHELL` prints. Each asks the binary for the
 * candidates (`estimate __complete SHELL -- WORDS`), so templates, inputs, formats, cards and
 * the analysis flags' names come from the program's registries; the first line of the answer
 * says how to finish (space, nospace, files), the others are `value<TAB>description`.
 */
import { type Shell } from './complete.js';

const BASH = `# estimate completion for bash. Load it now:   source <(estimate completion bash)
# or for every shell:  estimate completion bash > ~/.local/share/bash-completion/completions/estimate
_estimate_complete() {
  local line="\${COMP_LINE:0:COMP_POINT}" cur="\${COMP_WORDS[COMP_CWORD]}" c q
  local IFS=$'\\n'
  local -a out
  out=($(command estimate __complete bash -- "$line" 2>/dev/null)) || return 0
  COMPREPLY=()
  [ "\${#out[@]}" -gt 0 ] || return 0
  case "\${out[0]}" in
    nospace) compopt -o nospace 2>/dev/null ;;
    files) compopt -o filenames 2>/dev/null; [ "$cur" = "=" ] && cur=""; COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
  for c in "\${out[@]:1}"; do
    printf -v q '%q' "$c"
    COMPREPLY+=("$q")
  done
}
complete -F _estimate_complete estimate
`;

const ZSH = `#compdef estimate
# estimate completion for zsh. Load it now:  source <(estimate completion zsh)
# or save it as _estimate in a folder of your $fpath.
_estimate() {
  local -a lines vals descs
  local finish line
  lines=("\${(@f)$(command estimate __complete zsh -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  finish=\${lines[1]}
  for line in "\${(@)lines[2,-1]}"; do
    [[ -z $line ]] && continue
    vals+=("\${line%%$'\\t'*}")
    if [[ $line == *$'\\t'* ]]; then descs+=("\${line%%$'\\t'*}  -- \${line#*$'\\t'}"); else descs+=("$line"); fi
  done
  [[ $finish == files ]] && _files
  (( \${#vals} )) || return 0
  if [[ $finish == nospace ]]; then
    compadd -Q -S '' -l -d descs -a vals
  else
    compadd -l -d descs -a vals
  fi
}
if [[ "\${funcstack[1]}" == _estimate ]]; then
  _estimate "$@"
else
  compdef _estimate estimate
fi
`;

const FISH = `# estimate completion for fish. Load it now:  estimate completion fish | source
# or save it:  estimate completion fish > ~/.config/fish/completions/estimate.fish
function __estimate_complete
    set -l tokens (commandline -opc) (commandline -ct)
    set -l out (command estimate __complete fish -- $tokens[2..-1] 2>/dev/null)
    or return 0
    test (count $out) -ge 1; or return 0
    if test "$out[1]" = files
        __fish_complete_path (commandline -ct)
    end
    if test (count $out) -gt 1
        printf '%s\\n' $out[2..-1]
    end
end
complete -c estimate -f -a '(__estimate_complete)'
`;

export function completionScript(shell: Shell): string {
  switch (shell) {
    case 'bash':
      return BASH;
    case 'zsh':
      return ZSH;
    case 'fish':
      return FISH;
  }
}

/** Splits a bash command line (up to the cursor) into words as the shell would; an ending space starts an empty word. */
export function splitLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < line.length) word += line[++i];
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  words.push(word);
  return words;
}
