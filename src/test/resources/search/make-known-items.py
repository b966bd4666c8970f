"""Regenerates known-items.tsv beside this script: the known-item set of the search quality test.

Spans of 4 to 7 words are sampled at random word positions in the articles of vn-legal-slice.jsonl.gz (the texts
the test indexes); a span is kept only if its words as the index reads them (folded, punctuation ignored, i and
y after a consonant alike) occur side by side exactly once in the whole shared corpus, so the article that
contains it is the one right answer there and in the slice. Each span is
asked four ways (kind): folded, exact (as written, NFC), nfd (the same, decomposed) and quoted (exact, in quotes);
the group column ties the four together. The slice's document numbers that are unique in the corpus are asked as
written, folded, in lower case, and as "<kind> <number>/<year>" (NĐ 49/2026).
Usage: python3 make-known-items.py [path/to/vn-legal.jsonl.gz]   (seeded: the same corpus gives the same set)
"""
import collections, gzip, json, os, random, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../../../shared/corpus/vn-legal.jsonl.gz')
SPANS = 120
random.seed(19)
HEAD = re.compile(r'(?m)^(?:#{1,4}\s*|\*\*)?Điều\s+(\d+[a-zđ]?(?:\.[0-9A-Za-zĐđ]+)*)\s*[.:]\s*(.*)$')
NUMBER = re.compile(r'\|\s*Số hiệu\s*\|\s*([^|\n]+?)\s*\|')
WORDS = re.compile(r"[^\W\d_]+(?:[ ][^\W\d_]+)+")


def nfc(s):
    return unicodedata.normalize('NFC', s)


def fold(s):
    s = nfc(s).lower().replace('đ', 'd')
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')


def index_words(s):
    # As the index reads them: folded, and i after h, k, l, m, s, t or qu written y (qui = quy, kĩ = kỹ).
    return ' '.join(re.sub(r'^(h|k|l|m|s|t|qu)i$', r'\1y', w) for w in re.findall(r'\w+', fold(s)))


def articles(text):
    t = nfc(text)
    heads = list(HEAD.finditer(t))
    seen = collections.Counter()
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(t)
        seen[m.group(1)] += 1
        no = m.group(1) if seen[m.group(1)] == 1 else m.group(1) + '~' + str(seen[m.group(1)])
        yield no, t[m.end():end]


def number_of(text):
    m = NUMBER.search(nfc(text[:4000]))
    return m.group(1).strip() if m and '/' in m.group(1) else None


corpus = [json.loads(line) for line in gzip.open(CORPUS, 'rt')]
folded_corpus = '\n'.join(index_words(d["text"]) for d in corpus)
numbers = collections.Counter(number_of(d['text']) for d in corpus)
slice_docs = [json.loads(line) for line in gzip.open(os.path.join(HERE, 'vn-legal-slice.jsonl.gz'), 'rt')]

candidates = []  # (doc id, article number, body, stored in NFD)
for d in slice_docs:
    decomposed = nfc(d['text']) != d['text']
    for no, body in articles(d['text']):
        if len(body) > 200:
            candidates.append((d['id'], no, body, decomposed))
random.shuffle(candidates)

queries = []
group = 0
used = set()
for doc, no, body, decomposed in candidates:
    if group == SPANS:
        break
    if (doc, no) in used:
        continue
    runs = [m.group(0).split() for m in WORDS.finditer(body) if len(m.group(0).split()) >= 6]
    random.shuffle(runs)
    for words in runs[:20]:
        n = random.randint(4, 7)
        if len(words) < n:
            continue
        start = random.randint(0, len(words) - n)
        span = ' '.join(words[start:start + n])
        if folded_corpus.count(" " + index_words(span) + ' ') != 1:
            continue
        group += 1
        used.add((doc, no))
        key = f'art:{doc}:{no}'
        queries += [(fold(span), key, 'folded', group), (span, key, 'exact', group),
                    (unicodedata.normalize('NFD', span), key, 'nfd', group), ('"' + span + '"', key, 'quoted', group)]
        break

for d in slice_docs:
    number = number_of(d['text'])
    if not number or numbers[number] != 1:
        continue
    m = re.fullmatch(r'(\d+)/(\d{4})/([^\W\d_]+)-.+', number)
    group += 1
    forms = [(number, 'number'), (fold(number), 'number-folded'), (number.lower(), 'number-lower')]
    if m:
        forms.append((f'{m.group(3)} {m.group(1)}/{m.group(2)}', 'number-kind-first'))
    queries += [(q, f'doc:{d["id"]}', kind, group) for q, kind in forms]

with open(os.path.join(HERE, 'known-items.tsv'), 'w', encoding='utf-8') as f:
    f.write('# query\texpected (art:DOC:N = that article; doc:DOC = any article of the text)\tkind\tgroup\n')
    for q in queries:
        f.write(f'{q[0]}\t{q[1]}\t{q[2]}\t{q[3]}\n')
print(len(queries), 'queries,', collections.Counter(q[2] for q in queries))
