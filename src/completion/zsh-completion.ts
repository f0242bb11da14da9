import type { OptionSpec } from '../cli/command-spec.js';
import { COMMANDS } from '../cli/command-list.js';
import { GLOBAL } from '../cli/shared-options.js';
import { completionValues, flagNames, plainHelp } from './completion-words.js';

/** One `_arguments` spec of an option: `'(-f --format)'{-f,--format}'[help]:format:(a b)'`. */
function optionSpec(o: OptionSpec): string {
  const f = flagNames(o);
  const help = `[${plainHelp(o.help)}]`;
  const v = completionValues(o.complete);
  let action = '';
  if (f.takesValue) {
    if (!v) action = `:${f.long}: `;
    else if ('words' in v) action = v.commaList ? `:${f.long}:_values -s , ${f.long} ${v.words.join(' ')}` : `:${f.long}:(${v.words.join(' ')})`;
    else if ('files' in v) action = v.files === 'dir' ? `:${f.long}:_files -/` : `:${f.long}:_files`;
    else action = `:${f.long}:_iamdiff_services`;
  }
  const repeat = o.multiple ? '*' : '';
  if (f.short) return `'${repeat}(-${f.short} --${f.long})'{-${f.short},--${f.long}}'${help}${action}'`;
  return `'${repeat}--${f.long}${help}${action}'`;
}

/** A zsh completion script: `source <(iamdiff completion zsh)`, or saved as `_iamdiff` in $fpath. */
export function zshCompletion(): string {
  const commands = COMMANDS.map((s) => `    '${s.name}:${plainHelp(s.summary)}'`);
  const cases = COMMANDS.map((s) => {
    const v = completionValues(s.argComplete);
    const arg = v && 'words' in v ? `'*:${s.name}:(${v.words.join(' ')})'` : v && 'files' in v ? `'*:file:_files'` : '';
    const specs = [...s.options.filter((o) => !o.hidden), ...GLOBAL].map(optionSpec);
    return `    (${s.name})\n      _arguments -s ${[...specs, "'(-h --help)'{-h,--help}'[show help]'", arg].filter(Boolean).join(' \\\n        ')}\n      ;;`;
  });
  return `#compdef iamdiff
# zsh completion for iamdiff: source <(iamdiff completion zsh), or save as _iamdiff in a directory of $fpath
_iamdiff_services() {
  local -a prefixes
  prefixes=(\${(f)"$(\${words[1]:-iamdiff} completion __services -- \${words[@]} 2>/dev/null)"})
  compadd -a prefixes
}
_iamdiff() {
  local -a commands
  commands=(
${commands.join('\n')}
    'version:print the version'
    'help:show help'
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'iamdiff command' commands
    return
  fi
  local cmd=\${words[2]}
  shift words
  (( CURRENT-- ))
  case $cmd in
${cases.join('\n')}
  esac
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then
  _iamdiff "$@"
else
  compdef _iamdiff iamdiff
fi
`;
}
