import { COMMANDS } from '../cli/command-list.js';
import { GLOBAL } from '../cli/shared-options.js';
import { completionValues, flagNames } from './completion-words.js';

const q = (words: string[]) => `'${words.join(' ')}'`;

/** A bash completion script: `source <(iamdiff completion bash)`. */
export function bashCompletion(): string {
  const globals = GLOBAL.map((o) => `--${flagNames(o).long}`);
  const valueCases: string[] = [];
  const flagCases: string[] = [];
  for (const spec of COMMANDS) {
    const options = [...spec.options.filter((o) => !o.hidden), ...GLOBAL];
    const flags = options.flatMap((o) => {
      const f = flagNames(o);
      return [...(f.short ? [`-${f.short}`] : []), `--${f.long}`];
    });
    flagCases.push(`    ${spec.name}) flags=${q([...flags, '--help'])} ;;`);
    for (const o of options) {
      const f = flagNames(o);
      if (!f.takesValue) continue;
      const names = [...(f.short ? [`${spec.name}:-${f.short}`] : []), `${spec.name}:--${f.long}`].join('|');
      const v = completionValues(o.complete);
      if (!v) valueCases.push(`    ${names}) return 0 ;;`);
      else if ('words' in v) valueCases.push(`    ${names}) _iamdiff_words ${q(v.words)} ${v.commaList ? 1 : 0}; return 0 ;;`);
      else if ('files' in v) valueCases.push(`    ${names}) _iamdiff_files ${v.files}; return 0 ;;`);
      else valueCases.push(`    ${names}) _iamdiff_words "$("\${COMP_WORDS[0]}" completion __services -- "\${COMP_WORDS[@]}" 2>/dev/null)" 0; return 0 ;;`);
    }
  }
  const argCases = COMMANDS.map((s) => {
    const v = completionValues(s.argComplete);
    if (v && 'words' in v) return `    ${s.name}) _iamdiff_words ${q(v.words)} 0 ;;`;
    if (v && 'files' in v) return `    ${s.name}) _iamdiff_files ${v.files} ;;`;
    return `    ${s.name}) COMPREPLY=() ;;`;
  });
  return `# bash completion for iamdiff: source <(iamdiff completion bash)
_iamdiff_words() {
  # $1: words; $2: 1 for a comma list (complete the part after the last comma)
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  if [[ "$2" == 1 && "$cur" == *,* ]]; then
    COMPREPLY=( $(compgen -P "\${cur%,*}," -W "$1" -- "\${cur##*,}") )
  else
    COMPREPLY=( $(compgen -W "$1" -- "$cur") )
  fi
}
_iamdiff_files() {
  local cur="\${COMP_WORDS[COMP_CWORD]}"
  if [[ "$1" == dir ]]; then COMPREPLY=( $(compgen -d -- "$cur") ); else COMPREPLY=( $(compgen -f -- "$cur") ); fi
  compopt -o filenames 2>/dev/null
}
_iamdiff() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" flags i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      --config|--max-input-size) ((i++)) ;;
      -*) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done
  if [[ -z "$cmd" ]]; then
    if [[ "$prev" == --config ]]; then _iamdiff_files file; return 0; fi
    if [[ "$prev" == --max-input-size ]]; then return 0; fi
    _iamdiff_words ${q([...COMMANDS.map((s) => s.name), 'version', 'help', '-h', '--help', '-v', '--version', ...globals])} 0
    return 0
  fi
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    case "$cmd" in
${flagCases.join('\n')}
      *) flags='--help' ;;
    esac
    _iamdiff_words "$flags" 0
    return 0
  fi
  case "$cmd" in
${argCases.join('\n')}
    help) _iamdiff_words ${q(COMMANDS.map((s) => s.name))} 0 ;;
  esac
  return 0
}
complete -F _iamdiff iamdiff
`;
}
