"""The peer for `cargo xtask bench`: reportlab drawing the same kind of fee
letter as `gongshi fees letters` (title, greeting, a five-row fee table,
totals, notes, issuer and date, the cut line and the slip with class and
number), with the same two Noto Serif SC faces, COUNT letters into OUT.

    python3 letters_reportlab.py COUNT OUT.pdf FONTS_DIR
"""

import os
import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

ROWS = [
    ("作业本费", "30.00", "每生每学期", "必交", "豫发改收费〔2023〕781号"),
    ("课后服务费", "300.00", "每生每学期", "自愿（见回执）", "豫发改收费〔2023〕781号"),
    ("午餐费（代收）", "4.50", "每生每餐", "自愿（见回执）", "阳教财〔2024〕12号"),
    ("学生意外伤害保险", "50.00", "每生每年", "自愿（见回执）", "阳教财〔2024〕15号"),
    ("教辅资料费（代收）", "45.50", "每生每学期", "自愿（见回执）", "阳教基〔2024〕3号"),
]


def letter(c, n):
    w, h = A4
    c.setFont("Body", 9)
    c.drawString(20 * mm, h - 15 * mm, "阳光市实验小学")
    c.drawRightString(w - 20 * mm, h - 15 * mm, "致家长的一封信")
    c.line(20 * mm, h - 17 * mm, w - 20 * mm, h - 17 * mm)
    c.setFont("Title", 22)
    c.drawCentredString(w / 2, h - 32 * mm, "致家长的一封信")
    c.setFont("Body", 14)
    c.drawCentredString(w / 2, h - 40 * mm, "（2026年秋季学期·三年级）")
    c.setFont("Body", 12)
    y = h - 50 * mm
    for line in [
        "尊敬的家长：",
        "    您好！根据上级有关规定，现将2026年秋季学期三年级收费项目、标准和依据告知如",
        "下。标明“自愿”的项目由您自愿选择，请在回执中勾选；学校不强制、不捆绑收费。",
    ]:
        c.drawString(20 * mm, y, line)
        y -= 7 * mm
    xs = [20, 60, 85, 115, 145, 190]
    c.setFont("Body", 10.5)
    for row in [("收费项目", "金额（元）", "计费单位", "性质", "收费依据")] + ROWS:
        for i, cell in enumerate(row):
            c.drawString((xs[i] + 2) * mm, y - 5 * mm, cell)
        c.line(20 * mm, y - 7 * mm, 190 * mm, y - 7 * mm)
        y -= 8 * mm
    c.setFont("Body", 12)
    for line in [
        "必交项目合计：30.00元（人民币大写：叁拾元整）",
        "含全部自愿项目：380.00元（人民币大写：叁佰捌拾元整）",
        "学校承诺：不乱收费、不乱办班、不体罚学生、不接受家长任何形式的馈赠。",
        "如有疑问或发现乱收费，请拨打学校监督电话：0371-6523 8002。",
    ]:
        c.drawString(20 * mm, y, line)
        y -= 7 * mm
    c.drawRightString(w - 30 * mm, y - 10 * mm, "阳光市实验小学")
    c.drawRightString(w - 30 * mm, y - 17 * mm, "2026年12月1日")
    y -= 30 * mm
    c.setDash(4, 3)
    c.line(20 * mm, y, w - 20 * mm, y)
    c.setDash()
    c.setFont("Title", 14)
    c.drawString(20 * mm, y - 10 * mm, "回  执")
    c.setFont("Body", 12)
    c.drawString(20 * mm, y - 18 * mm, "学生姓名：＿＿＿＿＿＿＿＿")
    c.drawString(20 * mm, y - 25 * mm, "班级：三年级%d班  第%d号" % (n // 50 + 1, n % 50 + 1))
    c.drawString(20 * mm, y - 32 * mm, "自愿项目（请勾选）：□课后服务费 □午餐费（代收） □学生意外伤害保险")
    c.drawString(20 * mm, y - 39 * mm, "家长签字：＿＿＿＿＿＿＿＿  日期：＿＿＿＿年＿＿月＿＿日")
    c.setFont("Body", 9)
    c.drawCentredString(w / 2, 12 * mm, "第 1 页 共 1 页")
    c.showPage()


def main():
    count, out, fonts = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    pdfmetrics.registerFont(TTFont("Body", os.path.join(fonts, "NotoSerifSC-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("Title", os.path.join(fonts, "NotoSerifSC-Black.ttf")))
    c = canvas.Canvas(out, pagesize=A4)
    for n in range(count):
        letter(c, n)
    c.save()


if __name__ == "__main__":
    main()
