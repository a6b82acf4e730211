/** Every string the widget shows, in Japanese and English. */
import type { Lang } from './api-types';

export interface Strings {
  title: string;
  openLauncher: string;
  close: string;
  placeholder: string;
  /** The placeholder on touch screens, which have no Shift key to mention. */
  placeholderTouch: string;
  inputLabel: string;
  send: string;
  you: string;
  assistant: string;
  thinking: string;
  notInReport: string;
  notInReportBody: string;
  notStated: string;
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
  startersLabel: string;
  newConversation: string;
  rendering: string;
  renderingNote: string;
  answerRendering: string;
  noRendering: string;
  showOriginal: string;
  hideOriginal: string;
  originalLabel: string;
  showContext: string;
  hideContext: string;
  newTab: string;
  retry: string;
  errorNetwork: string;
  errorRateLimited: (retryAfterSeconds?: number) => string;
  errorRequest: string;
  errorServer: string;
  errorInterrupted: string;
  errorTooLarge: string;
}

const ja: Strings = {
  title: 'レポートに質問',
  openLauncher: 'レポートに質問するチャットを開く',
  close: '閉じる',
  placeholder: '質問を入力（Shift+Enterで改行）',
  placeholderTouch: '質問を入力',
  inputLabel: '質問',
  send: '送信',
  you: 'あなた',
  assistant: '回答',
  thinking: '回答を作成中…',
  notInReport: 'レポートには記載がありません',
  notInReportBody: 'このレポートには、この質問に答える記述が見当たりません。',
  notStated: 'レポートに明記されていません',
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
  startersLabel: '質問の例',
  newConversation: '新しい会話を始める',
  rendering: '英語訳',
  renderingNote: '本サービスが作成した英語訳で、発行元の文章ではありません。原文は日本語です。',
  answerRendering: '引用はレポート（日本語）の英語訳です。',
  noRendering: 'この箇所の英語訳はありません。日本語の原文を表示しています。',
  showOriginal: '日本語の原文を表示',
  hideOriginal: '日本語の原文を隠す',
  originalLabel: '原文（日本語）',
  showContext: '前後の文も表示',
  hideContext: '引用箇所だけを表示',
  newTab: '（新しいタブで開く）',
  retry: '再試行',
  errorNetwork: 'サーバーに接続できませんでした。ネットワークを確認して再試行してください。',
  errorRateLimited: (s) =>
    s ? `リクエストが多すぎます。${s}秒ほど待ってから再試行してください。` : 'リクエストが多すぎます。しばらく待ってから再試行してください。',
  errorRequest: '質問を受け付けられませんでした。',
  errorServer: 'サーバーでエラーが発生しました。時間をおいて再試行してください。',
  errorInterrupted: '回答の受信が途中で途切れました。再試行してください。',
  errorTooLarge: 'これまでの会話が長すぎて送信できませんでした。「再試行」で古いやり取りを省いて送ります。',
};

const en: Strings = {
  title: 'Ask the report',
  openLauncher: 'Open the chat to ask the report',
  close: 'Close',
  placeholder: 'Ask a question (Shift+Enter: new line)',
  placeholderTouch: 'Ask a question',
  inputLabel: 'Question',
  send: 'Send',
  you: 'You',
  assistant: 'Answer',
  thinking: 'Thinking…',
  notInReport: 'Not in the report',
  notInReportBody: 'The report does not answer this question.',
  notStated: 'Not stated in the report',
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
  startersLabel: 'Try asking',
  newConversation: 'Start a new conversation',
  rendering: 'English rendering',
  renderingNote: 'English rendering made for this service, not the publisher\'s text. The Japanese original is authoritative.',
  answerRendering: 'Quotes are an English rendering of the Japanese report.',
  noRendering: 'There is no English rendering of this passage; the Japanese original is shown.',
  showOriginal: 'Show the Japanese original',
  hideOriginal: 'Hide the Japanese original',
  originalLabel: 'Japanese original',
  showContext: 'Show the whole passage',
  hideContext: 'Show only the cited sentences',
  newTab: '(opens in a new tab)',
  retry: 'Retry',
  errorNetwork: 'Could not reach the server. Check your connection and retry.',
  errorRateLimited: (s) =>
    s ? `Too many requests. Please wait about ${s} seconds, then retry.` : 'Too many requests. Please wait a moment, then retry.',
  errorRequest: 'The question could not be accepted.',
  errorServer: 'The server had a problem. Please retry in a moment.',
  errorInterrupted: 'The answer was cut off. Please retry.',
  errorTooLarge: 'The conversation so far was too long to send. Retry sends it without the oldest exchanges.',
};

export function stringsFor(lang: Lang): Strings {
  return lang === 'en' ? en : ja;
}
