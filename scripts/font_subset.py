#!/usr/bin/python3
"""Cuts a per-script font file out of a large Debian font (CJK) at build time, so a page opens
only what a document's scripts need.

  font_subset.py SRC[#FACE] OUT SET

SET is `han` (the ideographs of GB 2312 and JIS X 0208 — simplified Chinese and Japanese —
plus kana, bopomofo, CJK punctuation and full-width forms) or `hangul` (all modern syllables,
jamo, CJK punctuation). Characters outside the set fall back to the next font, or a missing-glyph
box. Layout features are kept: vertical forms and locale variants still shape.
"""
import sys

from fontTools import subset


def han():
    cps = set()
    for cp in range(0x4E00, 0xA000):
        ch = chr(cp)
        for enc in ('gb2312', 'shift_jis'):
            try:
                ch.encode(enc)
                cps.add(cp)
                break
            except UnicodeEncodeError:
                pass
    cps.update(range(0x3000, 0x3100))  # CJK punctuation, hiragana, katakana
    cps.update(range(0x3100, 0x3130))  # bopomofo
    cps.update(range(0x31F0, 0x3200))  # katakana phonetic extensions
    cps.update(range(0xFF00, 0xFFF0))  # full-width and half-width forms
    return cps


def hangul():
    cps = set(range(0xAC00, 0xD7A4))   # syllables
    cps.update(range(0x1100, 0x1200))  # jamo
    cps.update(range(0x3130, 0x3190))  # compatibility jamo
    cps.update(range(0x3000, 0x3040))  # CJK punctuation
    return cps


def main():
    if len(sys.argv) != 4 or sys.argv[3] not in ('han', 'hangul'):
        sys.exit(__doc__)
    src, out, which = sys.argv[1:]
    face = '0'
    if '#' in src:
        src, face = src.split('#', 1)
    cps = han() if which == 'han' else hangul()
    unicodes = ','.join('U+%04X' % c for c in sorted(cps))
    subset.main([src, '--font-number=' + face, '--unicodes=' + unicodes, "--layout-features=*",
                 '--output-file=' + out])


if __name__ == '__main__':
    main()
