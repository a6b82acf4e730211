/**
 * The widget's stylesheet. It lives inside the Shadow DOM, so host-page CSS cannot
 * reach in and these rules cannot leak out. `--rc-accent` carries `data-accent`;
 * `--rc-vv-*` carry the visible viewport on phones (see viewport.ts).
 */
export const widgetCss = `
:host{all:initial}
.rc-root{--rc-accent:#1f5fbf;--rc-bg:#fff;--rc-fg:#1b1f24;--rc-muted:#5b6470;--rc-dim:#6b7380;--rc-line:#d9dee5;--rc-soft:#f3f5f8;--rc-user:#e9f0fb;--rc-mark:#fff1b8;--rc-link:var(--rc-accent);
position:fixed;bottom:calc(20px + env(safe-area-inset-bottom,0px));right:calc(20px + env(safe-area-inset-right,0px));z-index:2147483000;
font:15px/1.7 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans JP","Noto Sans CJK JP","Yu Gothic UI",Meiryo,sans-serif;color:var(--rc-fg);
display:flex;flex-direction:column;align-items:flex-end;gap:12px}
.rc-root.rc-left{right:auto;left:calc(20px + env(safe-area-inset-left,0px));align-items:flex-start}
*{box-sizing:border-box}
[hidden]{display:none!important}
button,textarea{font:inherit;color:inherit}
:focus-visible{outline:3px solid var(--rc-accent);outline-offset:2px}
.rc-launcher{width:56px;height:56px;border-radius:50%;border:0;background:var(--rc-accent);color:#fff;cursor:pointer;display:grid;place-items:center;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.rc-launcher svg{width:28px;height:28px;fill:currentColor}
.rc-launcher:focus-visible{outline-offset:3px}
.rc-panel{width:min(420px,calc(100vw - 32px));height:min(700px,calc(100vh - 100px));background:var(--rc-bg);border:1px solid var(--rc-line);border-radius:16px;
box-shadow:0 12px 48px rgba(0,0,0,.24);display:flex;flex-direction:column;overflow:hidden}
.rc-panel:focus{outline:none}
.rc-header{display:flex;align-items:flex-start;gap:4px;padding:12px 8px 12px 16px;background:var(--rc-accent);color:#fff}
.rc-heading{flex:1;min-width:0}
.rc-header h2{margin:0;font-size:12px;font-weight:600;letter-spacing:.04em;opacity:.92}
.rc-report{margin:2px 0 0;font-size:15px;font-weight:700;line-height:1.4;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.rc-publisher{margin:2px 0 0;font-size:12px;opacity:.92}
.rc-report:empty,.rc-publisher:empty{display:none}
.rc-icon-btn{flex:none;border:0;background:transparent;color:inherit;cursor:pointer;width:36px;height:36px;border-radius:8px;font-size:22px;line-height:1;display:grid;place-items:center}
.rc-icon-btn svg{width:20px;height:20px;fill:currentColor}
.rc-header .rc-icon-btn:hover{background:rgba(255,255,255,.16)}
.rc-header .rc-icon-btn:focus-visible{outline-color:#fff;outline-offset:-3px}
.rc-log{flex:1;min-height:0;overflow-y:auto;overscroll-behavior:contain;padding:16px 14px;display:flex;flex-direction:column;gap:14px;background:var(--rc-soft)}
.rc-log:focus-visible{outline-offset:-3px}
.rc-welcome{display:flex;flex-direction:column;gap:14px;margin:0 0 auto}
.rc-hint{margin:0;padding:12px 14px;background:var(--rc-bg);border:1px solid var(--rc-line);border-radius:12px;font-size:14px}
.rc-starters-label{margin:0 0 6px;color:var(--rc-muted);font-size:13px;font-weight:600}
.rc-starters ul,.rc-sources ul,.rc-suggest ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.rc-suggestion{width:100%;text-align:left;border:1px solid var(--rc-line);background:var(--rc-bg);border-radius:12px;padding:9px 14px;cursor:pointer;font-size:14px;line-height:1.5;color:var(--rc-link);font-weight:500}
.rc-suggestion:hover{border-color:var(--rc-accent);background:var(--rc-user)}
.rc-msg{max-width:94%;padding:10px 14px;border-radius:14px;overflow-wrap:anywhere}
.rc-msg p{margin:0}
.rc-who{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
.rc-user{align-self:flex-end;background:var(--rc-user);border-bottom-right-radius:4px;white-space:pre-wrap}
.rc-answer{align-self:flex-start;background:var(--rc-bg);border:1px solid var(--rc-line);border-bottom-left-radius:4px}
.rc-body p{white-space:pre-line;line-break:strict}
.rc-body p+p{margin-top:.7em}
.rc-s{animation:rc-in .25s ease-out}
@keyframes rc-in{from{opacity:0}to{opacity:1}}
.rc-link{color:var(--rc-link);word-break:break-all}
.rc-nobr{white-space:nowrap}
.rc-typing{display:inline-flex;gap:5px;padding:6px 2px;align-items:center}
.rc-dot{width:7px;height:7px;border-radius:50%;background:var(--rc-muted);animation:rc-bounce 1.2s infinite ease-in-out}
.rc-dot:nth-child(2){animation-delay:.15s}.rc-dot:nth-child(3){animation-delay:.3s}
@keyframes rc-bounce{0%,60%,100%{opacity:.3;transform:translateY(0)}30%{opacity:1;transform:translateY(-3px)}}
.rc-notice{display:inline-block;margin-bottom:6px;padding:1px 10px;border-radius:999px;background:var(--rc-soft);border:1px solid var(--rc-line);color:var(--rc-muted);font-size:13px}
.rc-note{margin-top:8px;padding:2px 8px;border-left:3px solid var(--rc-line);color:var(--rc-muted);font-size:12px}
.rc-cite{border:1px solid var(--rc-link);background:transparent;color:var(--rc-link);border-radius:6px;padding:0 4px;margin:0 2px;font-size:12px;line-height:1.45;cursor:pointer;vertical-align:1px}
.rc-cite[aria-expanded=true],.rc-cite:hover{background:var(--rc-accent);color:#fff}
.rc-sources{margin-top:10px;padding-top:8px;border-top:1px solid var(--rc-line);font-size:13px}
.rc-sources-title{display:block;margin-bottom:4px;color:var(--rc-muted);font-weight:600;font-size:12px}
.rc-source{display:flex;gap:6px;align-items:baseline;width:100%;text-align:left;border:1px solid var(--rc-line);background:var(--rc-bg);border-radius:8px;padding:4px 8px;cursor:pointer;font-size:13px;line-height:1.5}
.rc-source:hover,.rc-source[aria-expanded=true]{border-color:var(--rc-accent)}
.rc-source-ref{color:var(--rc-link);font-weight:600;flex:none}
.rc-source-where{flex:none;font-weight:600}
.rc-source-text{flex:1;min-width:0;color:var(--rc-muted);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.rc-chip{text-align:left;border:1px solid var(--rc-line);background:var(--rc-bg);border-radius:8px;padding:3px 8px;cursor:pointer;font-size:13px;width:100%}
.rc-chip:hover{border-color:var(--rc-accent)}
.rc-suggest{margin-top:8px;font-size:13px;color:var(--rc-muted)}
.rc-error{align-self:stretch;background:#fff4f2;border:1px solid #e6b3aa;color:#7a1d10}
.rc-error button{margin-top:6px;border:1px solid #7a1d10;background:#fff;color:#7a1d10;border-radius:8px;padding:3px 12px;cursor:pointer}
.rc-passage{border-top:2px solid var(--rc-accent);background:var(--rc-bg);padding:10px 0 8px 14px;max-height:56%;display:flex;flex-direction:column;font-size:14px;box-shadow:0 -6px 16px rgba(0,0,0,.06)}
.rc-passage:focus{outline:none}
.rc-passage-head{display:flex;align-items:center;gap:8px;padding-right:8px}
.rc-passage-head,.rc-meta,.rc-links{flex:none}
.rc-passage-head h3{flex:1;margin:0;font-size:14px;color:var(--rc-link)}
.rc-passage .rc-icon-btn{color:var(--rc-muted);width:32px;height:32px;font-size:20px}
.rc-meta{margin:0 12px 4px 0;color:var(--rc-muted);font-size:12px;line-height:1.5;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden}
.rc-links{margin:0 12px 6px 0;font-size:12px}
.rc-link-row{margin:2px 0;display:flex;flex-wrap:wrap;gap:4px 6px;align-items:center}
.rc-link-label{color:var(--rc-muted);font-weight:600}
.rc-source-link{display:inline-block;padding:1px 8px;border:1px solid var(--rc-line);border-radius:999px;color:var(--rc-link);text-decoration:none;background:var(--rc-soft)}
.rc-source-link::after{content:" \\2197"}
.rc-source-link:hover{border-color:var(--rc-accent);text-decoration:underline}
.rc-passage-body{position:relative;overflow-y:auto;overscroll-behavior:contain;padding-right:14px;min-height:0}
.rc-rendering{display:flex;flex-wrap:wrap;gap:2px 8px;align-items:baseline;margin:2px 0 6px;font-size:12px;color:var(--rc-muted)}
.rc-rendering-label{font-weight:700;color:var(--rc-fg)}
.rc-rendering-note{font-size:12px;color:var(--rc-muted);margin:0 0 6px}
.rc-rendering .rc-rendering-note{margin:0}
.rc-excerpt{margin:0;padding:6px 10px;border-left:3px solid var(--rc-line);line-break:strict;overflow-wrap:anywhere}
.rc-mark{background:var(--rc-mark);color:inherit;border-radius:3px;padding:1px 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.rc-dim{color:var(--rc-dim)}
.rc-original{margin-top:8px}
.rc-original-label{margin:0 0 2px;font-size:12px;font-weight:700;color:var(--rc-muted)}
.rc-text-btn{border:0;background:transparent;color:var(--rc-link);cursor:pointer;padding:2px 0;font-size:13px;text-decoration:underline;text-underline-offset:2px}
.rc-context-btn{display:block;margin-top:4px}
.rc-footnotes{margin:8px 0 0;padding-left:0;list-style:none;font-size:12px;color:var(--rc-muted);overflow-wrap:anywhere}
.rc-footnotes li+li{margin-top:4px}
.rc-footnote-original{display:block;margin-top:2px;padding-left:8px;border-left:2px solid var(--rc-line)}
.rc-form{display:flex;gap:8px;padding:10px;border-top:1px solid var(--rc-line);background:var(--rc-bg)}
.rc-form textarea{flex:1;resize:none;min-height:44px;max-height:120px;padding:8px 10px;border:1px solid var(--rc-line);border-radius:12px;background:var(--rc-bg)}
.rc-form textarea:disabled{background:var(--rc-soft)}
.rc-send{border:0;border-radius:12px;background:var(--rc-accent);color:#fff;padding:0 16px;cursor:pointer;font-weight:600}
.rc-send:disabled{opacity:.55;cursor:default}
.rc-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){
.rc-root{bottom:calc(12px + env(safe-area-inset-bottom,0px));right:calc(12px + env(safe-area-inset-right,0px))}
.rc-root.rc-left{left:calc(12px + env(safe-area-inset-left,0px))}
.rc-open .rc-launcher{display:none}
.rc-open .rc-panel{position:fixed;left:0;right:0;top:var(--rc-vv-top,0px);width:100%;height:100vh;height:var(--rc-vv-height,100dvh);border:0;border-radius:0;box-shadow:none}
.rc-header{padding-top:calc(10px + env(safe-area-inset-top,0px));padding-left:calc(16px + env(safe-area-inset-left,0px));padding-right:calc(8px + env(safe-area-inset-right,0px))}
.rc-log{padding-left:calc(12px + env(safe-area-inset-left,0px));padding-right:calc(12px + env(safe-area-inset-right,0px))}
.rc-form{padding-bottom:calc(10px + env(safe-area-inset-bottom,0px));padding-left:calc(10px + env(safe-area-inset-left,0px));padding-right:calc(10px + env(safe-area-inset-right,0px))}
.rc-form textarea{font-size:16px}
.rc-passage{max-height:58%}
}
@media (prefers-color-scheme:dark){.rc-root{--rc-bg:#1d2127;--rc-fg:#e8ebef;--rc-muted:#a4adb8;--rc-dim:#9aa3ae;--rc-line:#3a414b;--rc-soft:#262b33;--rc-user:#243654;--rc-mark:#5a4a10;--rc-link:#9cc0ff}
.rc-error{background:#3a2420;border-color:#7a3a30;color:#ffd6cf}.rc-error button{background:transparent;color:inherit;border-color:currentColor}}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;
