/**
 * The visible part of the screen, for the full-screen panel on phones: when the on-screen
 * keyboard opens, browsers shrink the visual viewport but not the layout viewport that
 * `position:fixed` follows, so the input would sit under the keyboard. The panel is sized
 * from these variables instead.
 */
export function followVisualViewport(target: HTMLElement, onChange: () => void): () => void {
  const vv = typeof window === 'undefined' ? undefined : window.visualViewport;
  if (!vv) return () => undefined;
  const update = () => {
    target.style.setProperty('--rc-vv-height', `${Math.round(vv.height)}px`);
    target.style.setProperty('--rc-vv-top', `${Math.round(vv.offsetTop)}px`);
    onChange();
  };
  update();
  vv.addEventListener('resize', update);
  vv.addEventListener('scroll', update);
  return () => {
    vv.removeEventListener('resize', update);
    vv.removeEventListener('scroll', update);
    target.style.removeProperty('--rc-vv-height');
    target.style.removeProperty('--rc-vv-top');
  };
}
