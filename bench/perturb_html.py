#!/usr/bin/env python3
"""Copies of an html-dev-shaped set (html/*.html.gz, reference/, index.tsv,
score.py) with one kind of markup noise applied to every page, references
unchanged.

The same article reaches a crawler through many templates: a portal that
marks nothing with class names, an old CMS that separates paragraphs with
<br>, one that uses <div> for every block, a GBK page with or without its
charset declared, links to gambling sites injected into the text. Scoring
the same pages under each shows which part of the extractor rests on one
template's markup rather than on the page's text and structure.

    bench/perturb_html.py SRC OUT [KIND...]

writes OUT/KIND/{html,reference,index.tsv,score.py} for each kind (all of
them by default); run OUT/KIND/score.py as html-dev's own.
"""
import gzip
import os
import re
import shutil
import sys

# An injected link in the shape hacked pages carry; our own wording.
AD = '<p><a href="http://bet.example.com/">葡京娱乐城 注册即送88元彩金 真人视讯 点击进入</a></p>'

CHARSET_RE = re.compile(rb'''(<meta[^>]*?charset\s*=\s*["']?)([-\w]+)''', re.I)


def decode(raw):
    m = CHARSET_RE.search(raw[:4096])
    names = ['utf-8']
    if m:
        names.insert(0, m.group(2).decode('ascii', 'replace'))
    names += ['gb18030', 'big5']
    for n in names:
        try:
            return raw.decode('gb18030' if n.lower() in ('gb2312', 'gbk') else n)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode('utf-8', 'replace')


def noattr(raw):
    return re.sub(rb'''\s(?:class|id)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)''', b'', raw, flags=re.I)


def brs(raw):
    raw = re.sub(rb'</p>\s*<p(?:\s[^>]*)?>', b'<br><br>', raw, flags=re.I)
    return re.sub(rb'</?p(?:\s[^>]*)?>', b'<br>', raw, flags=re.I)


# Tags whose start or end closes an open <p>, as an HTML parser closes it.
P_CLOSERS = rb'p|div|table|tr|td|th|ul|ol|li|dl|h[1-6]|form|center|blockquote|pre|section|article|body|html'


def divs(raw):
    # Close each <p> where a parser would, so that <div>s, which do not
    # close themselves, nest as the paragraphs did.
    out, pos, open_p = [], 0, False
    for m in re.finditer(rb'<(/?)(' + P_CLOSERS + rb')\b[^>]*>', raw, flags=re.I):
        out.append(raw[pos:m.start()])
        tag, end = m.group(2).lower(), m.group(1) == b'/'
        if open_p and not (tag == b'p' and end):
            out.append(b'</div>')
            open_p = False
        if tag == b'p':
            if end:
                out.append(b'</div>' if open_p else b'')
                open_p = False
            else:
                out.append(b'<div' + m.group(0)[2:])
                open_p = True
        else:
            out.append(m.group(0))
        pos = m.end()
    out.append(raw[pos:])
    return b''.join(out)


def reencode(raw, declare):
    text = decode(raw)
    text = re.sub(r'''(<meta[^>]*?charset\s*=\s*["']?)[-\w]+''', r'\g<1>gbk' if declare else r'\g<1>x-unset', text, flags=re.I)
    if not declare:
        text = re.sub(r'<meta[^>]*charset\s*=\s*["\']?x-unset[^>]*>', '', text, flags=re.I)
    return text.encode('gb18030', 'xmlcharrefreplace')


def gbk(raw):
    return reencode(raw, True)


def gbk_undeclared(raw):
    return reencode(raw, False)


def ads(raw):
    # After the third paragraph end, inside the text rather than at its edges.
    ends = [m.end() for m in re.finditer(rb'</p>', raw, flags=re.I)]
    if len(ends) < 4:
        return raw
    at = ends[2]
    try:
        raw.decode('utf-8')
        enc = 'utf-8'
    except UnicodeDecodeError:
        enc = 'gb18030'  # GBK and Big5 pages alike: the advert's bytes are mojibake on a Big5 page, as injected ones often are
    return raw[:at] + AD.encode(enc) + raw[at:]


def lying_charset(raw):
    # GBK bytes under a declaration of UTF-8, as a template copied between
    # sites keeps its old <meta>.
    text = decode(raw)
    text = re.sub(r'''(<meta[^>]*?charset\s*=\s*["']?)[-\w]+''', r'\g<1>utf-8', text, count=1, flags=re.I)
    return text.encode('gb18030', 'xmlcharrefreplace')


# Readers' comments and a column of teasers, in prose with full sentences:
# our own wording, in the shape of real portals' boxes.
COMMENTS = [
    '这篇报道说得很实在，我们厂里的工会今年也组织了类似的活动，职工们都很欢迎，希望以后能多办几次。',
    '看了文章很受鼓舞。基层工会的工作不容易，既要维护职工权益，又要配合企业发展，值得点赞。',
    '建议有关部门把好的做法推广开来，让更多的一线职工和农民工受益，不要只停留在报道上。',
    '我是一名环卫工人，去年冬天工会给我们送来了棉衣和慰问金，心里暖暖的，谢谢你们！',
]
TEASERS = [
    '市总工会近日召开全委会议，总结去年工作，部署今年任务，会议要求各级工会围绕中心、服务大局。',
    '区总工会开展“职工健康行”活动，为一线职工免费体检，项目包括心电图、B超和血液检查等。',
    '县总工会启动农民工平安返乡行动，在火车站设立服务点，为返乡农民工提供免费茶水和咨询。',
]


def comments(raw):
    box = '<div class="comment-list"><h3>网友评论</h3>' + ''.join(
        f'<div class="item"><span>网友{i + 1}</span><p>{c}</p></div>' for i, c in enumerate(COMMENTS)) + '</div>'
    return insert_near(raw, rb'</body>', box, before=True)


def sidebar(raw):
    box = '<div class="side-box"><h3>热点推荐</h3>' + ''.join(f'<p>{t}</p>' for t in TEASERS) + '</div>'
    return insert_near(raw, rb'<body[^>]*>', box, before=False)


def insert_near(raw, pat, html, before):
    m = re.search(pat, raw, flags=re.I)
    try:
        raw.decode('utf-8')
        enc = 'utf-8'
    except UnicodeDecodeError:
        enc = 'gb18030'
    b = html.encode(enc, 'xmlcharrefreplace')
    if not m:
        return raw + b if before else b + raw
    at = m.start() if before else m.end()
    return raw[:at] + b + raw[at:]


KINDS = {'noattr': noattr, 'brs': brs, 'divs': divs, 'gbk': gbk, 'gbk-undeclared': gbk_undeclared, 'ads': ads,
         'lying-charset': lying_charset, 'comments': comments, 'sidebar': sidebar}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], sys.argv[2]
    kinds = sys.argv[3:] or list(KINDS)
    for k in kinds:
        if k not in KINDS:
            sys.exit(f'perturb_html.py: unknown kind {k!r} (have {", ".join(KINDS)})')
        dst = os.path.join(out, k)
        os.makedirs(os.path.join(dst, 'html'), exist_ok=True)
        for name in ('index.tsv', 'score.py'):
            shutil.copy(os.path.join(src, name), dst)
        ref = os.path.join(dst, 'reference')
        if not os.path.exists(ref):
            os.symlink(os.path.abspath(os.path.join(src, 'reference')), ref)
        for f in sorted(os.listdir(os.path.join(src, 'html'))):
            with gzip.open(os.path.join(src, 'html', f)) as r:
                raw = r.read()
            with gzip.open(os.path.join(dst, 'html', f), 'wb') as w:
                w.write(KINDS[k](raw))


if __name__ == '__main__':
    main()
