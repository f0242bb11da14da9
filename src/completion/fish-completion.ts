import { COMMANDS } from '../cli/command-list.js';
import { GLOBAL } from '../cli/shared-options.js';
import { completionValues, flagNames, plainHelp } from './completion-words.js';

/** A fish completion script: `iamdiff completion fish > ~/.config/fish/completions/iamdiff.fish`. */
export function fishCompletion(): string {
  const names = COMMANDS.map((s) => s.name).join(' ');
  const lines = ['# fish completion for iamdiff', 'complete -c iamdiff -f'];
  for (const s of COMMANDS) lines.push(`complete -c iamdiff -n "not __fish_seen_subcommand_from ${names}" -a ${s.name} -d '${plainHelp(s.summary)}'`);
  lines.push(`complete -c iamdiff -n "not __fish_seen_subcommand_from ${names}" -a version -d 'print the version'`);
  lines.push(`complete -c iamdiff -s v -l version -d 'print the version'`);
  for (const s of COMMANDS) {
    const when = `-n "__fish_seen_subcommand_from ${s.name}"`;
    const arg = completionValues(s.argComplete);
    if (arg && 'files' in arg) lines.push(`complete -c iamdiff ${when} -F`);
    if (arg && 'words' in arg) lines.push(`complete -c iamdiff ${when} -a '${arg.words.join(' ')}'`);
    for (const o of [...s.options.filter((x) => !x.hidden), ...GLOBAL]) {
      const f = flagNames(o);
      const flag = `${f.short ? `-s ${f.short} ` : ''}-l ${f.long}`;
      const v = completionValues(o.complete);
      let values = '';
      if (f.takesValue) {
        if (!v) values = ' -x';
        else if ('words' in v) values = ` -x -a '${v.words.join(' ')}'`;
        else if ('files' in v) values = ' -r -F';
        else values = " -x -a '(iamdiff completion __services -- (commandline -opc))'";
      }
      lines.push(`complete -c iamdiff ${when} ${flag}${values} -d '${plainHelp(o.help)}'`);
    }
  }
  return lines.join('\n') + '\n';
}
