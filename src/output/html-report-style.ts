/** The HTML report's stylesheet: inline, no fonts or images from anywhere. */
export const HTML_REPORT_STYLE = `
:root { color-scheme: light dark; --high: #c62828; --medium: #b26a00; --low: #00838f; --muted: #666; --line: #ddd; }
@media (prefers-color-scheme: dark) { :root { --high: #ff6b6b; --medium: #ffb74d; --low: #4dd0e1; --muted: #aaa; --line: #444; } }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px; padding: 0 16px 48px; }
header { position: sticky; top: 0; background: Canvas; padding: 8px 0; border-bottom: 1px solid var(--line); z-index: 1; }
h1 { font-size: 18px; margin: 4px 0; }
.counts, #status { margin: 4px 0; color: var(--muted); }
#filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0 4px; }
#filters label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); }
#filters select, #filters input { font: inherit; padding: 2px 4px; }
#f-search { min-width: 260px; }
body:not(.js) #filters, body:not(.js) #status { display: none; }
details { margin: 2px 0; }
summary { cursor: pointer; padding: 2px 0; }
details.service { border-bottom: 1px solid var(--line); padding: 4px 0; }
details.service > summary .name { font-weight: 600; }
details.action { margin-left: 20px; }
details.action > summary code { font-weight: 600; }
ul { list-style: none; margin: 2px 0 6px 28px; padding: 0; }
li.change { padding: 1px 0; }
.n, .by { color: var(--muted); margin-left: 8px; }
.sev { display: inline-block; min-width: 56px; font-weight: 600; font-size: 12px; text-transform: uppercase; }
.sev.high { color: var(--high); } .sev.medium { color: var(--medium); } .sev.low { color: var(--low); }
.kind { margin-right: 8px; }
.rule { color: var(--muted); font-size: 12px; margin-left: 6px; }
del { color: var(--high); } ins { color: var(--low); text-decoration: none; font-weight: 600; }
.pol { display: block; margin-left: 64px; color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; margin: 8px 0; } th, td { text-align: left; border: 1px solid var(--line); padding: 2px 8px; vertical-align: top; }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
`;
