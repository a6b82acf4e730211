/**
 * The frame of a question about a document ("What does the report say about …", 「レポートでは…に
 * ついてどう書かれていますか」) names the report and the act of saying, not the topic: left in, its
 * words (report, say, 述べ) match passages that happen to use them — a footnote's "there are
 * reports that" — and make a question about something absent look answered. Web APIs only.
 */

const DOCUMENT_EN = String.raw`(?:report|paper|note|study|document|analysis|piece|text|author|authors|writer)`;
const SAYING_EN = String.raw`(?:say|says|said|mention|mentions|mentioned|write|writes|wrote|written|state|states|stated|discuss|discusses|discussed|tell(?: us)?|tells(?: us)?|told(?: us)?|note|notes|noted|cover|covers|covered|talk|talks|talked|touch on|touches on|address|addresses|addressed|claim|claims|claimed|see|sees|view|views|rate|rates|assess|assesses|evaluate|evaluates|judge|judges|regard|regards|think(?: of| about)?|thinks(?: of| about)?|describe|describes|explain|explains|characteri[sz]e|characteri[sz]es)`;

const FRAMES_EN: RegExp[] = [
  // what does the report say about / does the paper mention / did the authors discuss (anything about)
  new RegExp(String.raw`\b(?:what|how|where|does|do|did|is|was)\s+(?:(?:does|do|did|is|was)\s+)?(?:the|this|your)\s+${DOCUMENT_EN}\s+(?:${SAYING_EN})(?:\s+anything)?(?:\s+(?:about|on|regarding|concerning|of))?\b`, 'gi'),
  // according to the report, in this paper, the report's (view on)
  new RegExp(String.raw`\b(?:according to|in|within|from|per)\s+(?:the|this|your)\s+${DOCUMENT_EN}\b,?`, 'gi'),
  new RegExp(String.raw`\b(?:the|this)\s+${DOCUMENT_EN}(?:'s|s')?\s+(?:${SAYING_EN})\b`, 'gi'),
  new RegExp(String.raw`\b(?:is|are|was|were)\s+(?:there\s+)?(?:anything\s+)?(?:${SAYING_EN})\s+(?:about|on|regarding)\b`, 'gi'),
  // A request put to the assistant (can you tell me about, please explain to me, I'd like to know): its verbs name no topic.
  /\b(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?(?:tell|show|give|explain(?:\s+to)?)\s+(?:me|us)\b(?:\s+(?:about|of|on)\b)?/gi,
  /\bI(?:'d|\s+would)?\s+(?:like|want|wish)\s+to\s+(?:know|learn|hear|understand)\b(?:\s+(?:about|of|on)\b)?/gi,
  // "the full company name": asks for a name, names nothing (the kind of answer is read from the whole question).
  /\b(?:full|official|formal|legal|complete|registered)\s+(?:company\s+|corporate\s+)?name\b/gi,
];

const DOCUMENT_JA = '(?:本|この|同|当)?(?:レポート|リポート|報告書|資料|本稿|論考|文書|筆者|著者|執筆者)';
const SAYING_JA = '(?:述べ|書か?れ|書い|載っ|言及され|言及し|触れられ|触れ|論じられ|論じ|記述され|記され|説明され|指摘され|言われ|言っ)';

const FRAMES_JA: RegExp[] = [
  // 正式な会社名 / 名称: asks for a name, names nothing.
  /(?:正式な?|フル)?(?:会社名|社名|企業名|組織名|団体名|名称|氏名|フルネーム)/gu,
  // 正式にはなんていう名前？: how it is called, not what it is about.
  /(?:正式(?:に|な)?は?\s*)?(?:なんて|何て|何と)(?:いう|言う|呼ぶ)(?:名前|名称)?|(?:正式な?|フル)名前/gu,
  // …って話 / …という件: the claim a reader points at, named by what follows it, not by 話.
  /(?:という|っていう|って)(?:話|件)/gu,
  // レポートでは / この資料によると / 筆者は
  new RegExp(`${DOCUMENT_JA}(?:の中)?(?:では|によると|によれば|において|には|で|は|が|に)`, 'gu'),
  // …について何と述べていますか / どう書かれている / 触れていますか
  new RegExp(`(?:について|に関して|に関する|を|に)?(?:何と|なんと|どう|どのように|何か)?${SAYING_JA}(?:て|た)?(?:いる|います|いました|いた|ある|あります)?(?:か|の|でしょうか)?`, 'gu'),
];

/** The question with its frame taken out; unchanged when nothing but the frame would be left. */
export function withoutFrame(question: string): string {
  let out = question;
  for (const frame of [...FRAMES_EN, ...FRAMES_JA]) out = out.replace(frame, ' ');
  if (out === question) return question;
  out = out.replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(out) ? out : question;
}
