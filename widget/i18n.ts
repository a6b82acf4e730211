/** Every string the widget shows, in Japanese and English. */
import type { Lang } from './api-types';

export interface Strings {
  title: string;
  openLauncher: string;
  close: string;
  placeholder: string;
  inputLabel: string;
  send: string;
  you: string;
  assistant: string;
  thinking: string;
  notInReport: string;
  sources: string;
  generated: string;
  sourceButton: (ref: number) => string;
  passageHeading: (ref: number) => string;
  section: string;
  page: (page: number) => string;
  footnote: (n: number) => string;
  closePassage: string;
  suggestionsLabel: string;
  emptyHint: string;
  retry: string;
  errorNetwork: string;
  errorRateLimited: (retryAfterSeconds?: number) => string;
  errorRequest: string;
  errorServer: string;
  errorInterrupted: string;
}

const ja: Strings = {
  title: 'レポートに質問',
  openLauncher: 'レポートに質問するチャットを開く',
  close: '閉じる',
  placeholder: '質問を入力（Shift+Enterで改行）',
  inputLabel: '質問',
  send: '送信',
  you: 'あなた',
  assistant: '回答',
  thinking: '回答を作成中…',
  notInReport: 'レポートには記載がありません',
  sources: '出典',
  generated: '言語モデルが下記の出典をもとに作成した回答です',
  sourceButton: (ref) => `出典${ref}を表示`,
  passageHeading: (ref) => `出典 [${ref}]`,
  section: '節',
  page: (page) => `${page}ページ`,
  footnote: (n) => `脚注${n}`,
  closePassage: '出典を閉じる',
  suggestionsLabel: '関連する話題',
  emptyHint: 'このレポートの内容について、日本語または英語で質問できます。回答には本文の出典が付きます。',
  retry: '再試行',
  errorNetwork: 'サーバーに接続できませんでした。ネットワークを確認して再試行してください。',
  errorRateLimited: (s) =>
    s ? `リクエストが多すぎます。${s}秒ほど待ってから再試行してください。` : 'リクエストが多すぎます。しばらく待ってから再試行してください。',
  errorRequest: '質問を受け付けられませんでした。',
  errorServer: 'サーバーでエラーが発生しました。時間をおいて再試行してください。',
  errorInterrupted: '回答の受信が途中で途切れました。再試行してください。',
};

const en: Strings = {
  title: 'Ask the report',
  openLauncher: 'Open the chat to ask the report',
  close: 'Close',
  placeholder: 'Ask a question (Shift+Enter: new line)',
  inputLabel: 'Question',
  send: 'Send',
  you: 'You',
  assistant: 'Answer',
  thinking: 'Thinking…',
  notInReport: 'Not in the report',
  sources: 'Sources',
  generated: 'Written by a language model from the sources below',
  sourceButton: (ref) => `Show source ${ref}`,
  passageHeading: (ref) => `Source [${ref}]`,
  section: 'Section',
  page: (page) => `Page ${page}`,
  footnote: (n) => `Footnote ${n}`,
  closePassage: 'Close source',
  suggestionsLabel: 'Related topics',
  emptyHint: 'Ask about this report in English or Japanese. Answers cite the passages they come from.',
  retry: 'Retry',
  errorNetwork: 'Could not reach the server. Check your connection and retry.',
  errorRateLimited: (s) =>
    s ? `Too many requests. Please wait about ${s} seconds, then retry.` : 'Too many requests. Please wait a moment, then retry.',
  errorRequest: 'The question could not be accepted.',
  errorServer: 'The server had a problem. Please retry in a moment.',
  errorInterrupted: 'The answer was cut off. Please retry.',
};

export function stringsFor(lang: Lang): Strings {
  return lang === 'en' ? en : ja;
}
