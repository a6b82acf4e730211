/**
 * Questions the benchmark and the load test rotate through: Japanese and English, short and
 * long, facts, sources, footnote look-ups, follow-ups and a few the report cannot answer, so
 * every branch of the answer pipeline is exercised under load.
 */
export interface BenchQuestion {
  question: string;
  history?: { role: 'user' | 'assistant'; content: string }[];
}

export const benchQuestions: BenchQuestion[] = [
  { question: 'データセンターの数で中国は米国と比べてどのくらい少ないか？' },
  { question: '生成AIを使ったことがあると答えた人の割合は中国で何％か？' },
  { question: '一帯一路構想で当初目玉とされていた協力は何だったか？' },
  { question: '「人工知能法」の制定に向けた議論はいつ始まったか？' },
  { question: '地方専項債はどのような分野のインフラに使えるようになったか？' },
  { question: 'HuaweiのGPUはNvidiaのH100と比べてどの程度の推論性能を出せたか？' },
  { question: '習近平総書記は民営企業に対してどのような姿勢を示したか？' },
  { question: '新興国はDeepSeekをどのように受け止めているか？' },
  { question: '「グローバル人工知能ガバナンスイニシアティブ」はどの会議で提起されたか？' },
  { question: '蒸留と呼ばれる手法はどのような問題を指摘されたか？' },
  { question: '農民工が十分に受けられていない公共サービスは何か？' },
  { question: '脚注5には何が書かれている？' },
  { question: 'デジタルシルクロード構想の出典は？' },
  { question: '明日の東京の天気はどうなりますか？' },
  { question: 'How many data centres did the United States and China each have in March 2024?' },
  { question: 'What share of Chinese respondents said they had used generative AI?' },
  { question: 'What was the original centrepiece of the Belt and Road Initiative?' },
  { question: 'When did China start discussing a comprehensive Artificial Intelligence Law?' },
  { question: 'At which forum did China propose its Global AI Governance Initiative?' },
  { question: 'How does the reaction of emerging economies to DeepSeek differ from that of Western countries?' },
  { question: 'How much does R1 charge per million output tokens compared with OpenAI o1?' },
  { question: 'Which Chinese technology companies are grouped together as BAT?' },
  { question: 'Why might US export controls only buy time against Chinese AI development?' },
  { question: 'Could local government investment in AI infrastructure overheat after 2025?' },
  { question: 'What does note 9 cite?' },
  { question: 'Which source reports the number of data centres?' },
  { question: 'Who won the Tour de France in 2019?' },
  { question: 'その後はどうなった？', history: [{ role: 'user', content: 'ジニ係数は2000年代後半からどう変化したか？' }] },
  { question: 'And what about Japan?', history: [{ role: 'user', content: 'How should Western countries respond to Chinese generative AI?' }] },
];

/** Search queries: the questions themselves plus terse keyword queries, as a search box receives them. */
export const benchSearchQueries: string[] = [
  ...benchQuestions.map((q) => q.question),
  'ジニ係数',
  'R1 価格',
  '戸籍制度改革',
  'データセンター 棟数',
  'export controls semiconductors',
  'Gini coefficient',
  'hukou reform',
  'DeepSeek 蒸留',
];

/** A round-robin picker, so concurrent connections spread over the whole list. */
export function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('nothing to rotate through');
  let next = 0;
  return () => items[next++ % items.length]!;
}
