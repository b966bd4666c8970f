"""Regenerates quality-queries.tsv and vn-legal-slice.jsonl.gz beside this script from the shared corpus:
known-item queries (article headings and clause-initial phrases that occur once in the whole corpus, typed with
and without diacritics, and document numbers) for 25 texts, 8 of them stored in NFD, plus 15 other texts.
Usage: python3 make-quality-set.py [path/to/vn-legal.jsonl.gz]   (seeded: the same corpus gives the same set)
"""
import os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '../../../../../shared/corpus/vn-legal.jsonl.gz')
import json,gzip,re,unicodedata,random,collections
random.seed(7)
HEAD=re.compile(r'(?m)^(?:#{1,4}\s*|\*\*)?Điều\s+(\d+[a-zđ]?(?:\.[0-9A-Za-zĐđ]+)*)\s*[.:]\s*(.*)$')
def nfc(s): return unicodedata.normalize('NFC',s)
def fold(s):
    s=nfc(s).lower().replace('đ','d')
    s=unicodedata.normalize('NFD',s)
    return ''.join(c for c in s if unicodedata.category(c)!='Mn')
docs=[json.loads(l) for l in gzip.open(CORPUS,'rt')]
def code_of(d):
    m=re.search(r'\|\s*Số hiệu\s*\|\s*([^|\n]+?)\s*\|', nfc(d['text']))
    return m.group(1).strip() if m else None
arts=[]  # (docid, artno, heading, text_nfc)
for d in docs:
    t=nfc(d['text'])
    ms=list(HEAD.finditer(t))
    seen=collections.Counter()
    for i,m in enumerate(ms):
        end=ms[i+1].start() if i+1<len(ms) else len(t)
        seen[m.group(1)]+=1
        no=m.group(1) if seen[m.group(1)]==1 else m.group(1)+'~'+str(seen[m.group(1)])
        arts.append((d['id'],no,m.group(2).strip().strip('*').strip(),t[m.start():end]))
print(len(arts))
folded_all='\n\x00'.join(fold(a[3]) for a in arts)
heads=collections.Counter(fold(a[2]) for a in arts)
nfd_ids={d['id'] for d in docs if unicodedata.normalize('NFC',d['text'])!=d['text']}
bydoc=collections.defaultdict(list)
for a in arts: bydoc[a[0]].append(a)
cands=[d for d in docs if len(bydoc[d['id']])>=3 and code_of(d) and '/' in (code_of(d) or '')]
nfdc=[d for d in docs if d['id'] in nfd_ids and len(bydoc[d['id']])>=3 and len(d['text'])<300000]
nfcc=[d for d in cands if d['id'] not in nfd_ids]
chosen=random.sample(nfdc,8)+random.sample(nfcc,17)
queries=[]
codes=collections.Counter(code_of(d) for d in docs)
for d in chosen:
    did=d['id']
    # a unique heading of 3..10 syllables
    opts=[a for a in bydoc[did] if heads[fold(a[2])]==1 and 3<=len(a[2].split())<=10 and len(a[2])<90]
    random.shuffle(opts)
    if opts:
        a=opts[0]
        queries.append((a[2],f'art:{did}:{a[1]}','heading'))
        queries.append((fold(a[2]),f'art:{did}:{a[1]}','heading-folded'))
    # a unique 5-syllable phrase from an article body
    arts_d=bydoc[did][:]
    random.shuffle(arts_d)
    done=False
    for a in arts_d:
        clauses=[m.group(1) for m in re.finditer(r'(?:^|[.,;:]\s+|\n-?\s*)([^\W\d_]+(?:[ ][^\W\d_]+){4})', a[3], re.M)]
        random.shuffle(clauses)
        for ph in clauses[:30]:
            f=fold(ph)
            if folded_all.count(f)==1:
                queries.append(('"'+ph+'"',f'art:{did}:{a[1]}','phrase'))
                queries.append((f,f'art:{did}:{a[1]}','phrase-folded-unquoted'))
                done=True;break
        if done: break
    c=code_of(d)
    if c and codes[c]==1:
        queries.append((c,f'doc:{did}','code'))
print(len(queries))
with open(os.path.join(HERE,'quality-queries.tsv'),'w') as f:
    f.write('# query\texpected (doc:ID = any article of corpus document ID; art:ID:N = its article N)\tkind\n')
    for q in queries: f.write('\t'.join(q)+'\n')
# slice: chosen docs + 15 distractors, whole
others=random.sample([d for d in docs if d not in chosen and len(d['text'])<100000],15)
ids={d['id'] for d in chosen+others}
with gzip.open(os.path.join(HERE,'vn-legal-slice.jsonl.gz'),'wt') as f:
    for d in docs:
        if d['id'] in ids: f.write(json.dumps(d,ensure_ascii=False)+'\n')
print(sum(len(d['text']) for d in docs if d['id'] in ids))
