/** What an empty conversation shows: what the chat does and the report's starter questions. */
import { h } from './dom';
import type { Strings } from './i18n';

export class Welcome {
  readonly el: HTMLDivElement;
  private readonly starters: HTMLDivElement;

  constructor(
    private readonly s: Strings,
    private readonly ask: (question: string) => void,
  ) {
    this.starters = h('div', { class: 'rc-starters' });
    this.starters.hidden = true;
    this.el = h('div', { class: 'rc-welcome' }, [h('p', { class: 'rc-hint', text: s.emptyHint }), this.starters]);
  }

  /** The starter questions, once /api/report has answered. */
  setSuggestions(questions: readonly string[]): void {
    const list = h('ul');
    for (const q of questions) {
      const button = h('button', { class: 'rc-suggestion', text: q, attrs: { type: 'button', 'data-rag': 'suggestion' } });
      button.addEventListener('click', () => this.ask(q));
      list.append(h('li', {}, [button]));
    }
    this.starters.replaceChildren(h('p', { class: 'rc-starters-label', text: this.s.startersLabel, attrs: { id: 'rc-starters-label' } }), list);
    list.setAttribute('aria-labelledby', 'rc-starters-label');
    this.starters.hidden = questions.length === 0;
  }
}
