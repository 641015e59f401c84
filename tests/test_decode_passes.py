"""The decoder's rule passes over the role model's reading: each fixes one certain thing."""
from dibao.model import Line
from dibao.segment.passes import after_jump, briefs_box, parts_go_on, photo_news, speakers_listed
from dibao.segment.reports import headed_datelines
from dibao.segment.units import units_by_line

PAGE = ("让每一起案件都经得起检验", "司法公正是社会公正的最后一道防线。", "（二）",
        "回应关切，才能赢得信任。", "以公开促公正，以透明赢公信。", "（本报记者 张三）", "某地开展普法宣传",
        "本报讯 近日，某地开展普法宣传活动。")


def units(texts):
    return units_by_line(tuple(Line(number, text) for number, text in enumerate(texts, start=1)))


def test_the_text_under_a_part_number_goes_on_with_that_part():
    roles = ["title", "body", "body", "fragment", "body", "body", "body", "lead"]
    assert parts_go_on(units(PAGE), roles)[3] == "body"
    assert parts_go_on(units(PAGE), [*roles[:3], "lead", *roles[4:]])[3] == "body"


def test_a_credit_line_is_no_part_number_and_what_follows_it_may_start_anew():
    roles = ["title", "body", "body", "body", "body", "body", "title", "lead"]
    assert parts_go_on(units(PAGE), roles) == roles
    assert parts_go_on(units(PAGE), roles[:6] + ["fragment", "body"])[6] == "fragment"


PHOTO_PAGE = ("某省出台措施助力小微企业融资", "本报某市1月5日电  （记者张文）某省日前出台十二条措施，加大小微企业金融支持力度。",
              "目前，该省已建成覆盖全部县区的融资担保体系，累计为两万余家企业提供担保服务。", "海带丰收",
              "1月4日，某省某县沿海养殖区，渔民驾船运送刚刚收割的海带。", "近日，该县三万多亩海带迎来收获季，养殖户抓住晴好天气组织采收。",
              "李  明摄（影像中国）", "某市开通首条城际公交线路", "本报某市1月5日电  （记者王芳）某市首条城际公交线路5日正式开通。")
PHOTO_ROLES = ["title", "body", "body", "body", "body", "body", "body", "title", "body"]


def test_a_headline_over_a_credited_caption_is_photo_news_of_its_own():
    assert photo_news(units(PHOTO_PAGE), PHOTO_ROLES)[3] == "title"
    credit_in_text = PHOTO_PAGE[:5] + (PHOTO_PAGE[5] + "李明摄",) + PHOTO_PAGE[7:]
    assert photo_news(units(credit_in_text), PHOTO_ROLES[:6] + PHOTO_ROLES[7:])[3] == "title"


def test_a_subhead_over_a_section_that_goes_on_stays_a_subhead():
    no_credit = PHOTO_PAGE[:6] + ("渔民们说，今年的收成比往年好。",) + PHOTO_PAGE[7:]
    assert photo_news(units(no_credit), PHOTO_ROLES) == PHOTO_ROLES
    story_goes_on = PHOTO_PAGE[:7] + ("该县还将建设海带精深加工园区，延长产业链条。",) + PHOTO_PAGE[8:]
    assert photo_news(units(story_goes_on), PHOTO_ROLES[:7] + ["body", "body"])[3] == "body"
    long_section = PHOTO_PAGE[:4] + ("近日，该县三万多亩海带迎来收获季。" * 40,) + PHOTO_PAGE[5:]
    assert photo_news(units(long_section), PHOTO_ROLES)[3] == "body"


DATELINE_PAGE = ("某市开通首条城际公交线路", "本报某市1月5日电  （记者王芳）某市首条城际公交线路5日正式开通。",
                 "线路全程设站12个，沿途连接两座城市的主要交通枢纽。", "去年前11月", "某港口集装箱吞吐量增长一成",
                 "本报某市1月7日电  （记者朱明）记者从某港口集团获悉，去年前11月该港集装箱吞吐量同比增长一成。")


def test_headline_lines_over_a_dateline_under_a_finished_story_open_a_report():
    roles = ["title", "body", "body", "body", "body", "body"]
    assert headed_datelines(units(DATELINE_PAGE), roles)[3:] == ["title", "head", "body"]


def test_a_summary_between_the_headline_and_the_dateline_keeps_them_one_report():
    quoted = DATELINE_PAGE[:5] + ("“港口是经济发展的晴雨表。”", "今年，该港将新开通三条国际航线。") + DATELINE_PAGE[5:]
    roles = ["title"] + ["body"] * 7
    assert headed_datelines(units(quoted), roles)[3:] == ["title", "head", "body", "body", "body"]


def test_a_dateline_of_copy_from_another_desk_opens_a_report_too():
    reported = DATELINE_PAGE[:5] + ("据新华社某市1月7日电  （记者朱明）去年前11月该港集装箱吞吐量同比增长一成。",)
    assert headed_datelines(units(reported), ["title"] + ["body"] * 5)[3:5] == ["title", "head"]


def test_the_items_of_a_digest_stay_in_the_digest():
    digest = ("速览", "某港口集装箱吞吐量增长一成", "本报某市1月7日电  （记者朱明）去年前11月该港集装箱吞吐量同比增长一成。",
              "新开通三条国际航线。", "某市首条城际公交线路开通", "本报某市1月5日电  （记者王芳）某市首条城际公交线路5日正式开通。")
    roles = ["title"] + ["body"] * 5
    assert headed_datelines(units(digest), roles) == roles
    assert headed_datelines(units(DATELINE_PAGE), ["title"] + ["body"] * 5)[3] == "title"


def test_a_headline_line_over_a_dateline_under_a_broken_sentence_is_left_to_the_model():
    broken = DATELINE_PAGE[:2] + ("线路全程设站12个，沿途连接两座城市的",) + DATELINE_PAGE[3:]
    roles = ["title", "body", "body", "body", "body", "body"]
    assert headed_datelines(units(broken), roles) == roles
    no_dateline = DATELINE_PAGE[:5] + ("记者从某港口集团获悉，去年前11月该港集装箱吞吐量同比增长一成。",)
    assert headed_datelines(units(no_dateline), roles) == roles


def draft(title, *paragraphs, orphan=False):
    from dibao.segment.draft import Draft, DraftBlock
    from dibao.segment.units import Unit

    heads = [Unit("heading", (Line(1, title),), title)] if title else []
    return Draft(title_units=heads, orphan=orphan, blocks=[DraftBlock("paragraph", p, [1]) for p in paragraphs])


def test_the_end_of_a_story_broken_off_above_the_next_story_goes_back_to_it():
    from dibao.segment.fragments import reattach

    broken = draft("某市检察院办理一起非法采矿案", "经查，被告人擅自在河道内开采砂石，造成矿产资源损失")
    below = draft("某县公安局开展交通安全宣传", "近日，某县交警大队走进中小学，开展交通安全宣传活动。")
    tail = draft("", "共计200余万元。据了解，此事引起当地群众广泛关注。", orphan=True)
    result = reattach([broken, below, tail])
    assert result == [broken, below] and broken.blocks[-1].text.endswith("造成矿产资源损失共计200余万元。据了解，此事引起当地群众广泛关注。")


def test_a_piece_that_finishes_a_cut_word_goes_to_the_story_cut_there_not_the_nearer_one():
    from dibao.segment.fragments import reattach

    cut = draft("某市政协聚焦民生提案办理", "今年以来，某市政协围绕群众关心的问题开展调研，梳理出多条提案建")
    nearer = draft("某县公安局开展交通安全宣传", "近日，某县交警大队走进中小学，开展交通安全宣传活动，发放宣传")
    below = draft("社区法律服务站实现全覆盖", "截至去年底，某区所有社区均建成法律服务站。")
    tail = draft("", "议，形成38条清单。", orphan=True)
    result = reattach([cut, nearer, below, tail])
    assert len(result) == 3 and cut.blocks[-1].text.endswith("梳理出多条提案建议，形成38条清单。")


def test_an_article_cut_inside_a_word_waits_for_the_piece_that_finishes_it():
    from dibao.segment.fragments import reattach

    cut = draft("某市政协聚焦民生提案办理", "今年以来，某市政协围绕群众关心的问题开展调研，梳理出多条提案建")
    below = draft("社区法律服务站实现全覆盖", "截至去年底，某区所有社区均建成法律服务站。")
    stray = draft("", "地方政协只有做好群众关心问题的提案调研，才能把协商做实。", orphan=True)
    tail = draft("", "议，形成38条清单。", orphan=True)
    reattach([cut, below, stray, tail])
    assert cut.blocks[-1].text.endswith("梳理出多条提案建议，形成38条清单。")
    assert not any("地方政协只有" in b.text for b in cut.blocks)  # it shares words with the cut story, not its cut word


def test_a_finished_story_above_the_next_story_takes_no_piece_by_position():
    from dibao.segment.fragments import reattach

    finished = draft("某市检察院办理一起非法采矿案", "经查，被告人擅自在河道内开采砂石，造成矿产资源损失。")
    below = draft("某县公安局开展交通安全宣传", "近日，某县交警大队走进中小学，开展交通安全宣传活动。")
    tail = draft("", "共计200余万元。据了解，此事引起当地群众广泛关注。", orphan=True)
    assert len(reattach([finished, below, tail])) == 3


def test_a_tail_printed_below_the_next_story_goes_back_whole():
    from dibao.segment.tails import return_tails

    open_story = draft("“冰雪奇缘”续写中芬友谊新篇章", "芬兰地处高纬，冬季漫长，冰雪运动是芬兰人最喜爱的运动。",
                       "中芬冬季运动年期间，芬兰冰雪运动企业来华参展，2019年参展企业意向")
    next_story = draft("王毅同伊朗外长举行会谈", "国务委员兼外交部长王毅在北京同伊朗外长举行会谈。",
                       "王毅说，中方愿同伊方加强沟通协调，推动伊核问题政治外交解决。",
                       "伊朗外长感谢中方发挥的建设性作用，愿同中方推动伊中关系再上新台阶。",
                       "成交额居北欧国家之首；赴芬中国游客人数连创新高。",
                       "2020年是中芬建交70周年，中芬冬季运动年将为芬兰冰雪运动带来新机遇。")
    result = return_tails([open_story, next_story], lambda number: 0.0)
    assert result[0].blocks[-2].text.endswith("参展企业意向成交额居北欧国家之首；赴芬中国游客人数连创新高。")
    assert result[1].blocks[-1].text.endswith("推动伊中关系再上新台阶。")


def test_makers_and_sources_never_open_an_article_as_its_title():
    from dibao.segment.decode import certain_role

    lines = ("汤德宏 杨玉岗摄影报道", "资料和数据来源：本报及新华社报道", "统筹：黄超", "（本报记者 李 强整理）")
    for text, line_units in zip(lines, units(lines)):
        assert certain_role(line_units, "title") == "body", text
    assert certain_role(units(["摄影家镜头里的长江"])[0], "title") == "title"


DIALOGUE = ("让调解走在诉讼前面（法治对话）", "对话嘉宾：", "赵立新 某市中级人民法院副院长", "孙雅琴 某律师协会会长",
            "赵立新：去年以来，全市法院把诉前调解作为化解纠纷的第一道关口。",
            "孙雅琴：律师参与调解，能让当事人更早看清诉讼风险。")


def test_a_participant_of_a_dialogue_is_no_headline_of_a_story_of_its_own():
    roles = ["title", "body", "body", "title", "body", "body"]
    assert speakers_listed(units(DIALOGUE), roles)[3] == "body"


def test_a_name_line_whose_name_never_speaks_below_is_left_to_the_model():
    silent = DIALOGUE[:5] + ("律师参与调解，能让当事人更早看清诉讼风险。",)
    roles = ["title", "body", "body", "title", "body", "body"]
    assert speakers_listed(units(silent), roles)[3] == "title"
    alone = ("某地开展普法宣传", "本报讯 近日，某地开展普法宣传活动。") + DIALOGUE[3:]  # no list of participants above
    assert speakers_listed(units(alone), ["title", "body", "title", "body", "body", "body"])[2] == "title"


BRIEFS = ("某县开展反诈宣传", "本报讯 近日，某县公安局开展反诈宣传进社区活动，发放资料三千余份。", "民警现场讲解了常见诈骗手法。",
          "简讯", "▲3月30日，某县司法局组织开展“法律明白人”培训，120余人参加。",
          "▲近日，某区人民法院执行局开展集中执行行动，执结案件45件。", "（本报记者 刘 洋 整理）")


def test_a_short_headline_over_marked_items_to_the_page_end_is_a_briefs_box():
    roles = ["title", "body", "body", "body", "body", "body", "body"]
    assert briefs_box(units(BRIEFS), roles)[3] == "title"


def test_a_subhead_over_items_and_then_more_story_stays_a_subhead():
    more = BRIEFS[:6] + ("该县公安局表示，将持续开展反诈宣传。",)
    roles = ["title", "body", "body", "body", "body", "body", "body"]
    assert briefs_box(units(more), roles)[3] == "body"


BYLINED = ("某市检察院开展检察开放日活动", "本报讯 近日，某市人民检察院举办检察开放日活动。", "代表们就公益诉讼等工作提出意见建议。",
           "“断卡”行动斩断诈骗“资金链”", "■ 本报记者 王 磊", "今年以来，某县公安局深入开展“断卡”行动。")


def test_a_headline_over_a_byline_line_under_a_finished_story_opens_an_article():
    roles = ["title", "body", "body", "body", "body", "body"]
    assert headed_datelines(units(BYLINED), roles)[3] == "title"
    broken = BYLINED[:2] + ("代表们就未成年人保护、公益诉讼等工作提出了意见建议，该院表示将",) + BYLINED[3:]  # mid-sentence
    assert headed_datelines(units(broken), roles)[3] == "body"


def test_stories_under_a_report_with_a_dateline_are_no_digest_items():
    page = BYLINED + ("据了解，该局已打掉“两卡”犯罪团伙8个。", "基层减负要“减”出实效", "□ 李 明", "为基层减负，关键在于“减”出实效。")
    roles = ["title", "body", "body", "body", "head", "body", "body", "body", "head", "body"]
    assert [headed_datelines(units(page), roles)[k] for k in (3, 7)] == ["title", "title"]


def test_the_items_of_a_digest_with_bylines_stay_in_it():
    digest = ("新春走基层", "脱贫脱单 双喜临门", "本报记者 郑少忠", "罗小强娶了媳妇盖了房，日子越过越红火。",
              "胡同电暖 安享生活", "本报记者 贺 勇", "大年初一，草厂四条胡同家家户户暖意融融。")
    roles = ["title", "body", "body", "body", "body", "body", "body"]
    assert headed_datelines(units(digest), roles)[4] == "body"


JUMP = ("全省政法工作推进会在石家庄召开", "本报讯（记者 李 彤）4月1日，全省政法工作推进会在石家庄召开。",
        "会议强调，要深化矛盾纠纷排查化解。", "（下转第二版）", "导读",
        "●石家庄：“警保联动”让事故处理快起来 （详见第3版）", "●保定中院发布十起劳动争议典型案例 （详见第4版）")


def test_a_headline_line_under_a_jump_marker_opens_what_follows():
    roles = ["title", "body", "body", "body", "body", "body", "body"]
    assert after_jump(units(JUMP), roles)[4] == "title"
    came_from = JUMP[:3] + ("（上接第一版）",) + JUMP[4:]  # a marker of where a story came from opens nothing
    assert after_jump(units(came_from), roles)[4] == "body"
