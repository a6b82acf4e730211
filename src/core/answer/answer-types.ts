/**
 * What kind of answer a question expects, in Japanese and English, and whether a sentence holds
 * an answer of that kind. A question that asks "when" is answered by a sentence with a date, "how
 * many people" by one with a count of people; a sentence on the topic without one is a sign the
 * report does not state what was asked. Web APIs only.
 */

export type AnswerType =
  | 'amount'
  | 'percent'
  | 'count'
  | 'number'
  | 'date'
  | 'person'
  | 'organisation'
  | 'place'
  | 'reason'
  | 'method'
  | 'definition'
  | 'yesno'
  | 'list'
  | 'overview'
  | 'other';

/** Types a sentence must visibly hold (a value, a name) for the question to count as answered by it. */
export const FACTOID_TYPES: ReadonlySet<AnswerType> = new Set(['amount', 'percent', 'count', 'number', 'date', 'person', 'organisation', 'place']);

/** What a topic holds for someone, in the plural a reader asks for when there is more than one. */
const ASPECTS_EN = 'risks|downsides|threats|dangers|challenges|opportunities|upsides|benefits|advantages|concerns|problems|issues|effects|impacts|implications|consequences|lessons';
const ASPECTS_JA = 'チャンス|機会|好機|リスク|脅威|課題|懸念|メリット|デメリット|プラス|マイナス|利点|欠点';
/**
 * A question on the aspects of a topic — its main risks, its chances and risks, the challenges
 * it faces, what it should do, how something affects it — is answered from every section that speaks of them: an
 * overview of the topic. Checked after the kinds of value, so "how much will it change" stays a figure.
 */
const ASPECT_QUESTION = new RegExp(
  [
    `\\b(?:main|key|biggest|major|chief|principal|greatest)\\s+(?:[\\w-]+\\s+(?:or|and)\\s+)?(?:${ASPECTS_EN})\\b`,
    `\\bwhat (?:are|were) (?:the )?(?:${ASPECTS_EN})\\s+(?:for|to|of|facing)\\b`,
    `\\bwhat (?:${ASPECTS_EN})(?: of [^?]+?)? (?:does|do|did|will|would|could|might) .+ (?:face|pose|bring|create|see|identify|expect|foresee|highlight|mention|list|point (?:out|to))\\b`,
    `\\bhow (?:will|would|might|could|may|does|did|do|is|are|has|have)\\b.*\\b(?:affect|change|impact|shape|alter|transform)\\b`,
    `(?:${ASPECTS_JA})(?:と|や|・)(?:${ASPECTS_JA})`,
    `(?:${ASPECTS_JA})(?:は|って)(?:何|なに|[？?]\\s*$)`,
    `(?:主な|主要な|最大の|大きな)(?:${ASPECTS_JA})`,
    `(?:${ASPECTS_JA})(?:を|について)(?:教えて|挙げて|知りたい|説明して|まとめて)`,
    `直面(?:して(?:いる)?|する)(?:${ASPECTS_JA})`,
    `何を(?:すべき|するべき|しなければ)|どう(?:すべき|するべき)`,
    `\\bwhat (?:should|must|can) .+ do\\b|\\bwhat (?:does|do) .+ need to do\\b`,
    `(?:への|に対する)影響は|に(?:どう|どのように|どんな|どのような)影響`,
  ].join('|'),
  'i',
);

/** A chapter named by its number: 第2章, 2章, 第三章, 第十二章, chapter 2, Chapter two, the second chapter (the number in group 1, 2 or 3). */
export const CHAPTER_NAMED = /第?\s*(\d+|[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*章|\bchapter\s+(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+chapter\b/i;

const CH = `(?:${CHAPTER_NAMED.source})`;
/**
 * A question about a chapter named by its number rather than a fact in it: its points, its contents,
 * what it says (4章のポイントは？, 第2章には何が書いてある？, What's in chapter 2?, What does the third chapter say?).
 */
const CHAPTER_QUESTION = new RegExp(
  [
    `${CH}\\s*(?:の|は|では|には|って|で)?\\s*(?:主な|主要な)?(?:ポイント|内容|中身|概要|要旨|趣旨|主張|話)`,
    `${CH}\\s*(?:の|は|では|には|って|で)?\\s*(?:何が|何を|なにが|どんなことが|何と)(?:書|述|論|言)`,
    `${CH}\\s*(?:は|って)?\\s*[？?。]?\\s*$`,
    `\\bwhat(?:'s| is) (?:in|covered in) (?:the )?${CH}`,
    `\\bwhat (?:does|is) (?:the )?${CH} (?:say|cover|discuss|argue|about)\\b`,
  ].join('|'),
  'i',
);

/** Checked in order: the first that matches decides. */
const QUESTION_PATTERNS: [AnswerType, RegExp][] = [
  ['overview', /要点|要約|まとめ(?!た|られ)|結論|何が言いたい|(?<![一-龯0-9０-９])[1-5１-５二三四五]行で|\bin (?:one|two|three|four|five|[1-5]) lines\b|(?:レポート|資料|本稿|筆者|著者)の主張|かいつまんで|言いたいこと|一言で|\bsum(?:s|med|ming)? (?:it |this |that )?up\b|\bin (?:one|a single) sentence\b|要するに|つまり何|\bbottom line\b|\bin a nutshell\b|全体像|ざっくり|概要|ポイントを\s*\d|[2-5２-５二三四五]つ(挙げ|に(まとめ|絞|整理|分け)|の(ポイント|要点|点))|にとっての意味は|(について|に関して)(何と|どう|どのように)(書|述|言|論)|\bsummar(y|ise|ize)|\bconclu(de|sion)|\bmain (points|takeaways|argument|challenges)|\bbig picture|\bkey (points|takeaways)|\bin (three|3|two|2|five|5) points|\boverall\b|\bgist\b|\bwhat does (the|this) (report|author|paper|note) (say|think|conclude|argue)\b|^(does|did) (the|this) (report|author|paper|note) (mention|discuss|cover|address|touch on|talk about|say anything)\b|(について|に関して|に)(触れ|言及|論じ)(て|られ)|\bhow does (the|this) (report|author|paper) (see|view|assess)\b/i],
  ['percent', /何\s*(％|%|パーセント|割)|割合|比率|シェア|\bpercent(age)?\b|\bwhat share\b|\bproportion\b/i],
  ['number', /(率|係数|指数|水準|規模|値)は(いくつ|どれくらい|どのくらい|何)|\bhow much (?:more|less|cheaper|pricier|costlier|higher|lower|faster|slower|bigger|larger|smaller|greater|better|worse|longer|shorter)\b|どれ(?:くらい|ほど|だけ)(?:安|高|多|少|大き|小さ|低|速)|\b(?:what|how high|how low) (?:is|was|are|were) .*\b(?:rate|ratio|coefficient|index|level|score)\b/i],
  ['amount', /いくら|金額|費用|コスト|価格|値段|(?:どれ|どの)(?:くらい|ぐらい|ほど)の額|何\s*(?:兆|億|万|千)?\s*(?:ドル|円|元|ユーロ|ウォン)|開発費|(売上高?|売り上げ|収益|利益|予算)は(いくら|どれくらい|どのくらい)|\bhow much (did|does|do|is|was|were|will|would|money)\b|\b(?:what|how large|how big) (?:is|was|are|were) .*\b(?:revenues?|profits?|turnover|budgets?|valuation)\b|\bprice\b|\bcost(s)?\b|\bhow expensive\b/i],
  ['count', /何\s*(人|社|カ国|か国|ヶ国|棟|個|件|枚|台|回|つ|名|種類|歳|才)|いくつ|年齢|人口|(?<=\p{Script=Han}|\p{Script=Katakana}|ー|\p{Script=Latin})の(?:数|件数|人数|棟数|台数|社数)(?:は|って|を|が|も)|\bhow many\b|\bnumber of\b|\bpopulation\b|\bhow old\b|\bwhat age\b/iu],
  ['date', /いつ|何年|何月|何日|(?<!一)時期|年月日|\bwhen\b(?! it comes to\b)|\bwhat (year|date|month)\b|\bsince when\b|\bwhich year\b|\bhow (long|fast|quickly|soon)\b/i],
  ['person', /誰|だれ|どなた|何者|\bwho(m|se)?\b|\bwhich (person|people|researchers?|authors?|officials?|leaders?|executives?|ceo)\b/i],
  ['place', /どこの(国|都市|地域|街)|どの(国|都市|地域|街)|どこで|どこに|\bwhere\b(?! (does|do|did) .* come from)|\bwhich (countries|country|city|cities|places|regions?|governments?)\b/i],
  ['organisation', /どこの(会社|企業|報道|メディア|新聞|機関|団体|組織)|どの(会社|企業|報道|メディア|新聞|機関|団体|組織)|(会社|企業|組織|団体)の?(正式な?)?(名前|名称)|(正式な?)?(社名|会社名|企業名)|\bname of\b|\bwhich (?:[\w-]+ ){0,3}?(company|companies|firms?|makers?|manufacturers?|producers?|suppliers?|vendors?|brands?|startups?|banks?|organi[sz]ations?|outlets?|newspapers?|media|agenc(y|ies)|institutes?|ministr(y|ies))\b|\bwhat (company|firm|maker|manufacturer|startup|news outlet|outlet|organi[sz]ation)\b/i],
  ['overview', ASPECT_QUESTION],
  // A chapter named by its number (4章のポイントは？, What's in chapter 2?) is summed up, once no kind of value is asked for.
  ['overview', CHAPTER_QUESTION],
  // Whether the report mentions something at all (…って話、書いてある？): what it says of it, once no kind of value is asked for.
  ['overview', /(?:書いて(?:ある|あります|いる|います|る)|書かれて(?:いる|います|る|ます)|載って(?:いる|います|る|ます)|出て(?:くる|きます|きますか)|登場(?:する|します))(?:か|の)?[？?]?\s*$/],
  ['reason', /なぜ|なんで|どうして|何故|理由|原因|背景|\bwhy\b|\bwhat (is|was|are) the reasons?\b|\bwhat (caused|causes|drives|drove)\b|\breason\b/i],
  ['method', /どのように|どうやって|どうすれば|どう[^\s、。？?]{1,8}(?:ばいい|ばよい|たらいい|たらよい|べき)|方法|手段|\bhow (did|do|does|can|could|should|would|will|is|are|was|were)\b/i],
  ['definition', /とは|って何|ってなに|とは何|の意味|\bwhat (is|are) (a |an |the )?[\w-]+( [\w-]+)?\?$|\bwhat does .* mean\b|\bdefin(e|ition)\b/i],
  ['list', /どんな|どのような|何が(ある|あり|挙|指摘)|何を|何に|何か|\bwhat (kinds?|sorts?|types?)\b|\bwhich\b|\bwhat\b/i],
  ['yesno', /^(is|are|was|were|do|does|did|can|could|will|would|has|have|had|should)\b|(のか|ですか|ますか|でしょうか|の)[？?]?\s*$/i],
];

/** An interrogative asks for a thing: a question holding one is not answered yes or no (…何項目からなっているのか？). */
const INTERROGATIVE = /何|なに|誰|だれ|どなた|いつ|どこ|どれ|どの|どちら|どう|いくつ|いくら|\b(?:what|which|who|whom|whose|when|where|why|how)\b/i;

export function questionType(question: string): AnswerType {
  const q = question.normalize('NFKC').trim();
  for (const [type, pattern] of QUESTION_PATTERNS) if (pattern.test(q)) return type === 'yesno' && INTERROGATIVE.test(q) ? 'other' : type;
  return 'other';
}

/** What the question asks about a count: people (何人) need a count of people, an age (何歳) an age. */
export function countUnit(question: string): 'people' | 'age' | undefined {
  const q = question.normalize('NFKC');
  if (/何歳|何才|年齢|\bhow old\b|\bwhat age\b/i.test(q)) return 'age';
  return /何人|何名|人口|\bhow many (people|persons|employees|staff|workers|respondents)\b|\bpopulation\b/i.test(q) ? 'people' : undefined;
}

/**
 * How precise a date the question asks for: a day (何月何日, what date) is not answered by a month
 * or a year; a month (何年何月, 何月, what month) is answered by a month with or without its day.
 */
export function datePrecision(question: string): 'day' | 'month' | 'year' {
  const q = question.normalize('NFKC');
  if (/何日|月日|\bwhat date\b|\bwhich day\b|\bon what day\b/i.test(q)) return 'day';
  return /何月|\bwhat month\b|\bwhich month\b|\bin what month\b/i.test(q) ? 'month' : 'year';
}

const NUM = String.raw`\d[\d,.]*`;
const SENTENCE_PATTERNS: Partial<Record<AnswerType, RegExp>> = {
  amount: new RegExp(String.raw`${NUM}\s*(万|億|兆|千)?\s*(ドル|円|元|ユーロ|ポンド|ウォン)|\$\s?${NUM}|${NUM}\s*(million|billion|trillion|thousand)?\s*(dollars|yen|yuan|euros)|数[十百千万億]+\s*(ドル|円|元)|(several|tens of|hundreds of) (million|billion)`, 'i'),
  percent: new RegExp(String.raw`${NUM}\s*(％|%|パーセント|percent)|${NUM}\s*分の\s*${NUM}|${NUM}\s*割|\d+\/\d+`, 'i'),
  count: new RegExp(String.raw`${NUM}\s*(万|億)?\s*(人|社|カ国|か国|ヶ国|棟|個|件|枚|台|回|つ|名|種類|本|倍)|\b\d[\d,]*\s+(?:[a-z]+\s+)?(?:of\b|times\b|[a-z]{2,}s\b)`, 'i'),
  // A figure's or a note's label (図表3, Figure 2, 注5) numbers the figure, it is not a value.
  // …nor are a decade (the 2000s) or a name (5G), digits running into letters.
  number: new RegExp(String.raw`(?<![A-Za-z\d-])(?<!(?:図表|図|表|注|脚注)\s*)(?<!\b(?:Figure|Fig\.|Table|Chart|Note)\s*)${NUM}(?![A-Za-z\d]*年)(?![\d.,]*[A-Za-z])(?!\s*(年|月|日))`, 'i'),
  // Month names in their own case only ("may" is a verb), and May beside a day or a year.
  date: /\d{1,4}\s*年|\d{1,2}\s*月|\d{1,2}\s*日|年代|\b(?:1\d|20)\d{2}\b|\b(January|February|March|April|June|July|August|September|October|November|December)\b|\bMay\s+\d|\b(?:in|of|since|until|by|from|early|late|mid-?)\s+May\b|\d+\s*(週間|カ月|か月|ヶ月|日間|年間)|\b\d+\s*(?:[Ww]eeks?|[Mm]onths?|[Dd]ays?|[Yy]ears?)\b/,
  person: /氏|総書記|大統領|首相|主席|CEO|会長|社長|研究員|教授|[\p{Script=Han}]{1,3}[・･]?[\p{Script=Han}]{0,3}（\d{4}）|\b(Mr|Ms|Dr|President|Premier|Minister|Professor)\b|\b[A-Z][a-z]+ [A-Z][a-z]+ \(\p{Script=Han}+\)|\b[A-Z][a-z]+ (?:\([^)]+\) )?\(\d{4}\)/u,
  organisation: /社|企業|省|政府|研究所|新聞|機関|銀行|大学|委員会|\b(Inc|Corp|Ltd|Ministry|Institute|News|University|Bank|Agency|Company|Group)\b|[A-Z][a-z]*[A-Z]\w*|\b[A-Z]{2,}\b/,
  place: /国|都市|地域|州|市|県|都|\b(countr(y|ies)|city|region|state|province)\b|[\p{Script=Katakana}]{2,}(?=[、やと・])/u,
};
/** "Who developed it?" and 誰が開発した？ are answered by a company as often as by a person. */
const PERSON_OR_ORGANISATION = new RegExp(`${SENTENCE_PATTERNS.person!.source}|${SENTENCE_PATTERNS.organisation!.source}`, 'u');
const AGE = /\d+\s*(歳|才)|\baged? \d+|\b\d+[- ]years?[- ]old\b/i;
const PEOPLE = /\d[\d,.]*\s*(万|千)?\s*(人|名)|\b\d[\d,]*\s*(people|persons|respondents|employees)\b/i;
const DAY = /\d{1,2}\s*月\s*\d{1,2}\s*日|\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}\b/;
const MONTH = /\d{1,2}\s*月|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const CITY = /市|都(?![合市])|州都|\bcity\b|\bcapital\b/i;

export interface TypeEvidence {
  type: AnswerType;
  unit?: 'people' | 'age';
  precision?: 'day' | 'month' | 'year';
  /** A "when" that asks how long (how fast, 何日で): a span of time answers it, not only a date. */
  span?: boolean;
  /** Asks what something is called (正式名称, full name): the sentence that introduces it by name answers. */
  nameOf?: boolean;
  city?: boolean;
  /** Asks whether, or how something stands (see isDiscussion): no value asked for can be missing from a passage on its topic. */
  discussion?: boolean;
}

/**
 * Asks whether, or how something stands or goes (どう変わった？, どうなりそう？, …って本当？,
 * how does … see): a question read as yes/no, or one whose only interrogative is どう/how
 * together with no word asking for a thing. A reason or a method can be left out of a passage
 * on its topic (why it moved its office), so those are not among them.
 */
const ASKS_HOW_IT_STANDS = /どう(?!やって|して)|本当|ほんと/;
const ASKS_FOR_A_THING = /何|なに|誰|だれ|どなた|いつ|どこ|どれ|どの(?!よう)|どんな|いくつ|いくら|\b(?:what|which|who|whom|whose|when|where|why)\b/i;
const isDiscussion = (type: AnswerType, q: string) => type === 'yesno' || (type === 'other' && ASKS_HOW_IT_STANDS.test(q) && !ASKS_FOR_A_THING.test(q));

const NAME_REQUEST = /正式な?(名前|名称)|正式名|正式には|会社名|社名|企業名|組織名|略称|何の略|(?:何|なん)て(いう|言う|呼ぶ)|何と(いう|呼ぶ)|\b(full|official|formal|legal|registered) (company )?name\b|\bstand for\b|\bshort for\b|\bwhat is .* called\b/i;
/** A sentence that introduces something by name: 「杭州…有限公司」、通称DeepSeek; X (hereafter Y); known as; a name quoted (「新世代人工知能発展計画」). */
export const NAMING = /通称|正式名称|略称|（以下、|\(以下、|と呼ばれ|と称され|と名付け|「[^」]{2,}」|『[^』]{2,}』|"[^"]{3,}"|“[^”]{3,}”|\bknown as\b|\bhereafter\b|\bformally\b|\bshort for\b|\b(?:called|named)\b/i;

const SPAN_QUESTION = /\bhow (long|fast|quickly|soon)\b|\bwithin how\b|何(日|年|カ月|か月|ヶ月|週間|時間)(で|間|後)|どれ(くらい|ほど)の(期間|速さ)|どのくらいで|どれくらいで/i;
/** A span of time (1カ月, two weeks): it says how long, not when. */
const SPAN = /\d+\s*(週間|カ月|か月|ヶ月|日間|年間)|\b\d+\s*(weeks?|months?|days?|years?)\b|\b(one|two|three|a) (weeks?|months?|days?|years?)\b/gi;

/** What exactly the question expects, beyond its type. */
export function typeEvidence(question: string): TypeEvidence {
  const type = questionType(question);
  const q = question.normalize('NFKC');
  const unit = type === 'count' ? countUnit(q) : undefined;
  return {
    type,
    ...(unit ? { unit } : {}),
    // 何日で (in how many days) asks for a span, which no calendar date need hold.
    ...(type === 'date' ? (SPAN_QUESTION.test(q) ? { precision: 'year' as const, span: true } : { precision: datePrecision(q) }) : {}),
    ...(type === 'place' && /都市|街|\bcit(y|ies)\b/i.test(q) ? { city: true } : {}),
    ...(NAME_REQUEST.test(q) ? { nameOf: true } : {}),
    ...(isDiscussion(type, q) ? { discussion: true } : {}),
  };
}

/** Marks of an explanation: a sentence giving a reason or a way holds more of an answer to why or how. */
const EXPLANATION: Partial<Record<AnswerType, RegExp>> = {
  reason: /ため|から(?:だ|である)|によって|により|背景|要因|契機|\b(?:because|due to|as a result|reason|since|owing to|behind)\b/i,
  method: /ことで|により|によって|を通じて|を活用|を用い|利用する|\b(?:by (?:using|\w+ing)|through|using|by means of)\b/i,
};

/**
 * A sentence that names where a claim comes from: a URL, an author-year (川島（2025）), a book or
 * paper title in 『』, or a quoted title followed by its outlet.
 */
const REFERENCE = /https?:\/\/|[（(](?:19|20)\d{2}[a-z]?[）)]|『|「[^」]+」[.．、，,]|"[^"]{4,}"|“[^”]{4,}”/;
export const isReference = (text: string) => REFERENCE.test(text);

/** A sentence that gives the reason for the one before it. */
export const BECAUSE = /(?:から|ため)(?:だ|である|です)。$|^(?:というのも|なぜなら|それは)/;

/** Whether a sentence explains (for why and how questions); other kinds have no such mark. */
export function explains(text: string, type: AnswerType): boolean {
  return EXPLANATION[type]?.test(text.normalize('NFKC')) ?? false;
}

/**
 * A parenthesised reference (（『日本経済新聞』2025年1月29日、https://…）, ("Title." Reuters,
 * February 5, 2025. https://…)) dates and names its source, not the fact: it is left out when a
 * sentence is checked for a date, a figure or a name. Where references nest, the innermost
 * bracket holding an outlet or a URL is the one cut.
 */
const REFERENCE_MARK = /https?:\/\/|『|"[^"]{4,}"|“[^”]{4,}”/g;
const OPEN = new Set(['(', '（']);
const CLOSE = new Set([')', '）']);

/** One pass over the text: the innermost bracketed spans that hold a reference mark are cut. */
export function withoutReferences(text: string): string {
  const marksBefore = new Uint32Array(text.length + 1);
  for (const m of text.matchAll(REFERENCE_MARK)) marksBefore[m.index + 1] = 1;
  for (let i = 1; i <= text.length; i++) marksBefore[i]! += marksBefore[i - 1]!;
  const open: number[] = [];
  const cuts: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (OPEN.has(ch)) open.push(i);
    else if (CLOSE.has(ch) && open.length > 0) {
      const start = open.pop()!;
      if (marksBefore[i + 1]! - marksBefore[start]! === 0) continue;
      // Around a cut span is the citation's own text — a quoted title can be the only place a figure is stated.
      if (cuts.length > 0 && cuts.at(-1)![0] > start) continue;
      cuts.push([start, i + 1]);
    }
  }
  let out = '';
  let at = 0;
  for (const [a, b] of cuts) {
    out += `${text.slice(at, a)} `;
    at = b;
  }
  return out + text.slice(at);
}
/** An author-year citation (渡部・池田（2025）, DeepSeek-AI (2025)): the year its source appeared, not a date the sentence states. */
const AUTHOR_YEAR = /[\p{L}\p{N}・･.\-]+\s?[（(](?:19|20)\d{2}[a-z]?[）)]/gu;

/** Whether `text` (a sentence or its English rendering, references set aside) holds an answer of the expected kind. */
export function holdsAnswer(t: string, expected: TypeEvidence): boolean {
  if (!FACTOID_TYPES.has(expected.type)) return true;
  // A name asked for as such (正式な会社名, what is it called) is given where something is introduced by name.
  if (expected.nameOf && !NAMING.test(t)) return false;
  if (expected.type === 'count' && expected.unit === 'age') return AGE.test(t);
  if (expected.type === 'count' && expected.unit === 'people') return PEOPLE.test(t);
  if (expected.type === 'date' && expected.precision === 'day') return DAY.test(t);
  if (expected.type === 'date' && expected.precision === 'month') return MONTH.test(t.replace(AUTHOR_YEAR, ' '));
  if (expected.type === 'place' && expected.city) return CITY.test(t);
  if (expected.type === 'number') return SENTENCE_PATTERNS.number!.test(t) || SENTENCE_PATTERNS.percent!.test(t);
  if (expected.type === 'count') return SENTENCE_PATTERNS.count!.test(t);
  if (expected.type === 'date') return SENTENCE_PATTERNS.date!.test(expected.span ? t.replace(AUTHOR_YEAR, ' ') : t.replace(AUTHOR_YEAR, ' ').replace(SPAN, ' '));
  if (expected.type === 'person') return PERSON_OR_ORGANISATION.test(t);
  return SENTENCE_PATTERNS[expected.type]!.test(t);
}

/** Words that name what is missing, for a "not stated" answer. */
export function missingWhat(expected: TypeEvidence, lang: 'ja' | 'en'): string {
  const ja: Record<AnswerType, string> = { amount: '金額', percent: '割合', count: '数', number: '数値', date: expected.precision === 'day' ? '日付' : '時期', person: '人物の名前', organisation: '組織の名前', place: expected.city ? '都市名' : '場所', reason: '理由', method: '方法', definition: '定義', yesno: 'その答え', list: 'その内容', overview: '要点', other: 'その答え' };
  const en: Record<AnswerType, string> = { amount: 'the amount', percent: 'the share', count: 'the number', number: 'the figure', date: expected.precision === 'day' ? 'the date' : 'when', person: 'who', organisation: 'which organisation', place: expected.city ? 'the city' : 'where', reason: 'why', method: 'how', definition: 'a definition', yesno: 'an answer', list: 'that', overview: 'a summary', other: 'an answer' };
  if (expected.type === 'count' && expected.unit === 'people') return lang === 'ja' ? '人数' : 'how many people';
  if (expected.type === 'count' && expected.unit === 'age') return lang === 'ja' ? '年齢' : 'the age';
  return lang === 'ja' ? ja[expected.type] : en[expected.type];
}

/** The pattern a sentence's value of the expected kind is found with (a factoid type's). */
function typePattern(expected: TypeEvidence): RegExp | undefined {
  if (expected.type === 'count' && expected.unit === 'age') return AGE;
  if (expected.type === 'count' && expected.unit === 'people') return PEOPLE;
  if (expected.type === 'date' && expected.precision === 'day') return DAY;
  if (expected.type === 'date' && expected.precision === 'month') return MONTH;
  if (expected.type === 'place' && expected.city) return CITY;
  if (expected.type === 'person') return PERSON_OR_ORGANISATION;
  return SENTENCE_PATTERNS[expected.type];
}

/** Where in `text` values of the expected kind stand (character offsets), for how near the question's words they are. */
export function typeMatchOffsets(text: string, expected: TypeEvidence): number[] {
  const pattern = typePattern(expected);
  if (!pattern) return [];
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const out: number[] = [];
  for (const m of text.matchAll(global)) {
    out.push(m.index);
    if (out.length >= 16) break;
  }
  return out;
}
