#!/usr/bin/env python3
"""Copies of a realdev-shaped set (docs/*.txt + gold/) with one kind of
formatting noise applied to every page, gold unchanged.

Real copies of the same page differ in ways the annotations do not: lines
hard-wrapped by a PDF or a viewer, CRLF endings, full-width indents, blank
lines between paragraphs, a legacy encoding, an injected advert, no-break
spaces, the page saved as bare HTML, a portal's menus and footer around it. Scoring the
same pages under each shows which fields depend on a page's layout rather
than on what it says; a rule tuned to one layout shows up as a drop here.

    bench/perturb.py SRC OUT [KIND...]

writes OUT/KIND/docs/*.txt and OUT/KIND/gold (a symlink to SRC/gold) for
each kind (all of them by default). The scorer removes whitespace before
comparing bodies and titles, so the gold stays valid under every kind.
"""
import os
import re
import sys

WRAP = 36  # runes a line: a narrow PDF column or a phone viewer's copy

# Adverts in the shape injected into copied pages; our own wording.
ADS = [
    '葡京娱乐城 注册即送88元彩金 www.example-bet.com 官方唯一指定',
    '【广告】真人视讯 百家乐 首充返水 点击进入 >>',
]


def wrap(text):
    out = []
    for line in text.split('\n'):
        while len(line) > WRAP:
            out.append(line[:WRAP])
            line = line[WRAP:]
        out.append(line)
    return '\n'.join(out)


def crlf(text):
    return text.replace('\n', '\r\n')


def indent(text):
    return '\n'.join('\u3000\u3000' + l if l.strip() else l for l in text.split('\n'))


def blank(text):
    return '\n\n'.join(text.split('\n'))


def ads(text):
    lines = text.split('\n')
    # After the third line that reads as a sentence (ends in Chinese
    # punctuation), and again near the end: inside the body, not its edges.
    sent = [i for i, l in enumerate(lines) if re.search(r'[。！？”]$', l.strip())]
    at = sorted({sent[min(2, len(sent) - 1)] + 1, len(lines) - 1} if sent else {len(lines)}, reverse=True)
    for n, i in enumerate(at):
        lines.insert(i, ADS[n % len(ADS)])
    return '\n'.join(lines)


def gbk(text):
    # GBK for simplified pages, Big5 for traditional ones (whichever encodes
    # the whole page); pages neither can hold stay UTF-8.
    for enc in ('gbk', 'big5'):
        try:
            return text.encode(enc)
        except UnicodeEncodeError:
            continue
    return text.encode('utf-8')


# A portal's chrome around the same text: menus and a breadcrumb above,
# related headlines with their dates and a footer below. Our own wording;
# it names no outlet, so the gold's publisher stays right.
CHROME_TOP = ['首页 | 工会动态 | 通知公告 | 维权服务 | 职工之家 | 政策法规', '当前位置：首页 > 正文', '']
CHROME_BOTTOM = ['', '【打印本页】 【关闭窗口】', '相关新闻', '· 县总工会召开全委会议 2009-03-02', '· 职工书屋建设推进会召开 2008-11-18',
                 '', '版权所有 地址：某某路1号 电话：0000-0000000 备案号：ICP备00000000号']


def chrome(text):
    return '\n'.join(CHROME_TOP) + '\n' + text.rstrip('\n') + '\n' + '\n'.join(CHROME_BOTTOM) + '\n'


def nbsp(text):
    # Spaces as copied from a web page: no-break and ideographic spaces.
    out, n = [], 0
    for ch in text:
        if ch == ' ':
            out.append('\u00a0' if n % 2 == 0 else '\u3000')
            n += 1
        else:
            out.append(ch)
    return ''.join(out)


def as_html(text):
    # The same page saved as bare HTML: each line a paragraph, no <title>,
    # no class names, so that only the text's own signals are left.
    esc = lambda l: l.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    body = ''.join(f'<p>{esc(l.strip())}</p>\n' for l in text.split('\n') if l.strip())
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n{body}</body></html>\n'


KINDS = {'wrap': wrap, 'crlf': crlf, 'indent': indent, 'blank': blank, 'ads': ads, 'gbk': gbk, 'nbsp': nbsp, 'html': as_html, 'chrome': chrome}


def main():
    src, out = sys.argv[1], sys.argv[2]
    kinds = sys.argv[3:] or list(KINDS)
    for kind in kinds:
        f = KINDS[kind]
        d = os.path.join(out, kind, 'docs')
        os.makedirs(d, exist_ok=True)
        g = os.path.join(out, kind, 'gold')
        if not os.path.exists(g):
            os.symlink(os.path.abspath(os.path.join(src, 'gold')), g)
        for name in sorted(os.listdir(os.path.join(src, 'docs'))):
            if not name.endswith('.txt'):
                continue
            text = open(os.path.join(src, 'docs', name), encoding='utf-8').read()
            res = f(text)
            mode = 'wb' if isinstance(res, bytes) else 'w'
            with open(os.path.join(d, name), mode, **({} if mode == 'wb' else {'encoding': 'utf-8', 'newline': ''})) as fh:
                fh.write(res)


if __name__ == '__main__':
    main()
