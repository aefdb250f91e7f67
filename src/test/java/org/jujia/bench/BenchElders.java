package org.jujia.bench;

import org.jujia.demo.Population;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jujia.elder.ContactKind;
import org.jujia.elder.EconomicCategory;
import org.jujia.elder.ElderInput;
import org.jujia.elder.LivingSituation;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Sex;

/**
 * Realistic, deterministic bench elders for the demo city's 12 communities (320508001001..320508003004) and their
 * complexes: common surnames weighted as in China (王 and 李 about 7 % each), ages 60–104 skewed young, 72 % with a
 * mobile phone, one emergency contact, 65 % with health data.
 * <p>
 * ID numbers never collide with the demo city's (which use region codes 320506–320509): the registry load uses
 * 320581–320583 and a seeded generator (so a later run regenerates exactly the same elders), the spreadsheet
 * import uses 320585 with a per-run sequence code (so repeated imports into a kept database stay unique). Birth
 * dates are anchored to a fixed day so the generated elders do not change from one day to the next.
 */
final class BenchElders {

    /** Birth dates are computed from this day; every elder is at least 60 on it (and so on any later day). */
    static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);

    static final List<String> COMMUNITIES;

    static {
        List<String> c = new ArrayList<>();
        for (int street = 1; street <= 3; street++) {
            for (int community = 1; community <= 4; community++) {
                c.add(String.format("32050800%d%03d", street, community));
            }
        }
        COMMUNITIES = List.copyOf(c);
    }

    /** The most common surnames with their approximate share (per mille) of the population. */
    private static final String[] TOP_SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡" };
    private static final int[] TOP_PER_MILLE = { 71, 70, 67, 54, 45, 31, 22, 20, 20, 19, 18, 15, 14, 13, 13 };
    private static final String[] OTHER_SURNAMES = ("郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
            + "谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵钱严戴孔汤").split("");
    private static final String[] FEMALE = { "秀英", "桂英", "秀兰", "玉兰", "桂兰", "凤英", "玉珍", "淑珍", "美华", "丽华", "秀珍", "兰英", "月英",
            "素珍", "金凤", "彩霞", "玉梅", "惠芳", "雅琴", "佩华", "菊英", "梅芳", "翠英", "琴芬", "小妹", "阿娣", "巧云", "惠英" };
    private static final String[] MALE = { "建国", "国强", "志明", "德明", "文华", "永康", "国华", "建华", "福生", "根生", "金福", "宝林", "长林",
            "荣生", "家明", "兴华", "振华", "立新", "文彬", "国平", "顺发", "阿大", "伯清", "正德", "雪林", "水根", "炳荣", "鸿章" };
    private static final String[] CONDITIONS = { "高血压", "2 型糖尿病", "冠心病", "慢阻肺", "脑卒中后遗症", "阿尔茨海默病", "骨质疏松", "骨关节炎",
            "帕金森病", "白内障" };
    private static final String[] MEDICATIONS = { "氨氯地平", "二甲双胍", "阿司匹林", "阿托伐他汀", "多奈哌齐", "钙尔奇", "左旋多巴", "缬沙坦" };
    private static final String[] LOAD_REGIONS = { "320581", "320582", "320583" };
    private static final String IMPORT_REGION = "320585";

    private BenchElders() {
    }

    /** The registry load: {@code count} elders, always the same ones for the same seed. */
    static List<ElderInput> forRegistry(int count, long seed) {
        Random rnd = new Random(seed);
        Set<String> used = new HashSet<>();
        List<ElderInput> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int age = Population.age(rnd);
            boolean female = rnd.nextInt(100) < (age >= 80 ? 62 : 52);
            LocalDate birth = ANCHOR.minusYears(age).minusDays(1 + rnd.nextInt(364));
            String id;
            do {
                id = ResidentIdNumber.of(LOAD_REGIONS[rnd.nextInt(LOAD_REGIONS.length)], birth, female ? Sex.FEMALE : Sex.MALE,
                        rnd.nextInt(1000)).value();
            } while (!used.add(id));
            out.add(elder(rnd, id, female, pickCommunity(rnd)));
        }
        return out;
    }

    /**
     * A spreadsheet's worth of elders for import run {@code run} (0..499): birth dates spread over ages 60–103 by a
     * permutation of the row number, sequence code fixed by the run, so ID numbers are unique within and across runs.
     */
    static List<ElderInput> forImport(int count, int run, long seed) {
        if (count > 16_000) {
            throw new IllegalArgumentException("at most 16,000 import rows per run");
        }
        Random rnd = new Random(seed + run);
        List<ElderInput> out = new ArrayList<>(count);
        LocalDate youngest = ANCHOR.minusYears(60).minusDays(1);
        for (int i = 0; i < count; i++) {
            int dayOffset = (int) ((i * 7919L) % 16_000);
            boolean female = rnd.nextInt(100) < 55;
            int sequence = 2 * (run % 500) + (female ? 0 : 1);
            String id = ResidentIdNumber.of(IMPORT_REGION, youngest.minusDays(dayOffset), female ? Sex.FEMALE : Sex.MALE, sequence).value();
            out.add(elder(rnd, id, female, pickCommunity(rnd)));
        }
        return out;
    }

    private static ElderInput elder(Random rnd, String idNumber, boolean female, String community) {
        String surname = surname(rnd);
        String name = surname + (female ? FEMALE : MALE)[rnd.nextInt(FEMALE.length)];
        int living = rnd.nextInt(100);
        LivingSituation ls = living < 12 ? LivingSituation.ALONE : living < 50 ? LivingSituation.EMPTY_NEST : LivingSituation.WITH_FAMILY;
        int eco = rnd.nextInt(1000);
        EconomicCategory ec = eco < 15 ? EconomicCategory.SPECIAL_HARDSHIP : eco < 55 ? EconomicCategory.MINIMUM_LIVING
                : eco < 135 ? EconomicCategory.LOW_INCOME : EconomicCategory.ORDINARY;
        String phone = rnd.nextInt(100) < 72 ? Population.mobile(rnd) : null;
        String complex = community + (rnd.nextBoolean() ? "01" : "02");
        String address = (1 + rnd.nextInt(30)) + "幢" + (1 + rnd.nextInt(4)) + "单元" + (1 + rnd.nextInt(7)) + "0" + (1 + rnd.nextInt(4)) + "室";
        String childSurname = female ? surname(rnd) : surname;
        List<ElderInput.Contact> contacts = List.of(ls != LivingSituation.ALONE || rnd.nextBoolean()
                ? new ElderInput.Contact(ContactKind.EMERGENCY, childSurname + (rnd.nextBoolean() ? "伟" : "芳"), rnd.nextBoolean() ? "儿子" : "女儿",
                        Population.mobile(rnd), null)
                : new ElderInput.Contact(ContactKind.EMERGENCY, surname(rnd) + "阿姨", "邻居", Population.mobile(rnd), null));
        ElderInput.Health health = null;
        if (rnd.nextInt(100) < 65) {
            List<String> conds = new ArrayList<>();
            for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                String c = CONDITIONS[rnd.nextInt(CONDITIONS.length)];
                if (!conds.contains(c)) {
                    conds.add(c);
                }
            }
            health = new ElderInput.Health(String.join("、", conds), MEDICATIONS[rnd.nextInt(MEDICATIONS.length)], null, null);
        }
        double lat = Math.round((31.30 + (rnd.nextDouble() - 0.5) * 0.06) * 1e6) / 1e6;
        double lon = Math.round((120.62 + (rnd.nextDouble() - 0.5) * 0.06) * 1e6) / 1e6;
        return new ElderInput(name, idNumber, null, null, phone, address, "江苏省苏州市姑苏区", community, complex, lat, lon, ls, ec,
                rnd.nextInt(100) < 1, rnd.nextInt(100) < 2, health, contacts, null);
    }

    private static String surname(Random rnd) {
        int r = rnd.nextInt(1000);
        for (int i = 0; i < TOP_SURNAMES.length; i++) {
            if (r < TOP_PER_MILLE[i]) {
                return TOP_SURNAMES[i];
            }
            r -= TOP_PER_MILLE[i];
        }
        return OTHER_SURNAMES[rnd.nextInt(OTHER_SURNAMES.length)];
    }

    /** Communities get uneven numbers of elders (as in the demo city). */
    private static String pickCommunity(Random rnd) {
        double r = Math.pow(rnd.nextDouble(), 1.3);
        return COMMUNITIES.get(Math.min(COMMUNITIES.size() - 1, (int) (r * COMMUNITIES.size())));
    }

}
