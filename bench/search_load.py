#!/usr/bin/env python3
"""Sends the fixed search query set to the product service and prints latency percentiles (ms) per kind and overall.
   usage: search_load.py <base-url> <rounds>"""
import http.client, json, sys, time, urllib.parse

QUERIES = {
    "typed": ["wireless headphones", "espresso machine", "gaming laptop", "running shoes", "4k oled tv",
              "mechanical keyboard", "travel guide", "office chair", "sony", "samsung galaxy"],
    "prefix": ["head", "lap", "cam", "blen", "jack"],
    "misspelled": ["hedphones", "laptp", "espreso machine", "runing shoes", "keybord"],
    "filtered": ["q=jacket&category=Clothing&maxPrice=100", "q=pro&minPrice=100&maxPrice=900",
                 "q=camera&brand=Canon", "q=black&category=Gaming&minPrice=50", "q=&category=Books"],
    "suggest": ["s", "hea", "sony pu", "cre", "mac"],
}


def url_for(kind, q):
    if kind == "filtered":
        return "/api/products/search?" + q
    if kind == "suggest":
        return "/api/products/suggest?q=" + urllib.parse.quote(q)
    return "/api/products/search?q=" + urllib.parse.quote(q)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    base, rounds = urllib.parse.urlparse(sys.argv[1]), int(sys.argv[2])
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=10)
    timings = {kind: [] for kind in QUERIES}
    for round_ in range(rounds + 1):
        for kind, queries in QUERIES.items():
            for q in queries:
                start = time.perf_counter()
                conn.request("GET", url_for(kind, q))
                response = conn.getresponse()
                body = response.read()
                elapsed = (time.perf_counter() - start) * 1000
                if response.status != 200:
                    sys.exit(f"{url_for(kind, q)} answered {response.status}: {body[:300]!r}")
                if kind == "misspelled" and round_ == 0 and "didYouMean" not in json.loads(body):
                    print(f"note: no didYouMean for {q!r}", file=sys.stderr)
                if round_ > 0:  # round 0 warms up
                    timings[kind].append(elapsed)
    everything = [t for values in timings.values() for t in values]
    for kind, values in timings.items():
        print(f"kind {kind} {len(values)} {percentile(values, 50):.1f} {percentile(values, 99):.1f}")
    print(f"overall {len(everything)} {percentile(everything, 50):.1f} {percentile(everything, 99):.1f}")


if __name__ == "__main__":
    main()
