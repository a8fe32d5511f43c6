"""Cuts the bundled Online Retail sample from the full UCI file (run from the repository root).

Keeps every line of up to 250 customers chosen deterministically (id hash bucket, 8 to 40 lines each, lowest ids first)
and the first 40 lines without a CustomerID, so the importer's skipping rules show on the sample too.
"""
import collections
import csv
import hashlib
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else '../shared/data/online-retail/online_retail.csv'
TARGET = 'sample-data/online-retail-sample/online_retail_sample.csv'

rows = list(csv.reader(open(SOURCE, encoding='utf-8')))
header, body = rows[0], rows[1:]
by_customer = collections.defaultdict(list)
for r in body:
    if r[6] not in ('', 'NA'):
        by_customer[r[6]].append(r)
chosen = sorted(c for c, rs in by_customer.items()
                if 8 <= len(rs) <= 40 and int(hashlib.sha256(c.encode()).hexdigest(), 16) % 7 == 0)[:250]
chosen_set = set(chosen)
out = [r for r in body if r[6] in chosen_set]
out.extend([r for r in body if r[6] in ('', 'NA')][:40])
out.sort(key=lambda r: (r[4], r[0]))
with open(TARGET, 'w', encoding='utf-8', newline='') as f:
    writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator='\n')
    writer.writerow(header)
    writer.writerows(out)
print(len(chosen), 'customers,', len(out), 'lines,', sum(1 for r in out if r[0].startswith('C')), 'cancellation lines')
