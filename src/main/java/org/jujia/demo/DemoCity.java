package org.jujia.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jujia.access.Role;
import org.jujia.access.UserAccounts;
import org.jujia.elder.ContactKind;
import org.jujia.elder.EconomicCategory;
import org.jujia.elder.ElderInput;
import org.jujia.elder.ElderRegistry;
import org.jujia.elder.LivingSituation;
import org.jujia.privacy.ConsentScope;
import org.jujia.region.Organisation;
import org.jujia.region.OrganisationType;
import org.jujia.region.Region;
import org.jujia.region.RegionDirectory;
import org.jujia.region.RegionLevel;
import org.jujia.shared.Jurisdiction;
import org.jujia.shared.ResidentIdNumber;
import org.jujia.shared.Sex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates the demo city on first start (an empty region tree): Suzhou → Gusu district → 3 streets → 12
 * communities → 24 residential complexes; the bureau, centres and 3 providers; demo accounts (password
 * {@code demo123}) and 60 staff; 2,000 elders with realistic distributions. Deterministic for a given seed.
 */
@Component
@Profile("demo")
@Order(0)
class DemoCity implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);
    static final String DEMO_PASSWORD = "demo123";

    private static final String[][] STREETS = {
            { "320508001", "平江街道", "Pingjiang Street", "31.3190", "120.6330" },
            { "320508002", "沧浪街道", "Canglang Street", "31.2930", "120.6180" },
            { "320508003", "金阊街道", "Jinchang Street", "31.3230", "120.5990" } };
    private static final String[][] COMMUNITIES = {
            { "平江新村社区", "大儒巷社区", "东园社区", "钮家巷社区" },
            { "南园社区", "双塔社区", "新郭社区", "沧浪新城社区" },
            { "留园社区", "三乡社区", "彩香社区", "石路社区" } };
    private static final String[] COMPLEXES = { "新村", "花园", "苑", "公寓", "小区", "家园" };
    private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
            + "谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵钱严戴孔汤").split("");
    private static final String[] FEMALE = { "秀英", "桂英", "秀兰", "玉兰", "桂兰", "凤英", "玉珍", "淑珍", "美华", "丽华", "秀珍", "兰英", "月英",
            "素珍", "金凤", "彩霞", "玉梅", "惠芳", "雅琴", "佩华", "菊英", "梅芳", "翠英", "琴芬" };
    private static final String[] MALE = { "建国", "国强", "志明", "德明", "文华", "永康", "国华", "建华", "福生", "根生", "金福", "宝林", "长林",
            "荣生", "家明", "兴华", "振华", "立新", "文彬", "国平", "顺发", "阿大", "伯清", "正德" };
    private static final String[] CONDITIONS = { "高血压", "2 型糖尿病", "冠心病", "慢阻肺", "脑卒中后遗症", "阿尔茨海默病", "骨质疏松", "骨关节炎",
            "帕金森病", "白内障" };
    private static final String[] MEDICATIONS = { "氨氯地平", "二甲双胍", "阿司匹林", "阿托伐他汀", "多奈哌齐", "钙尔奇", "左旋多巴", "缬沙坦" };
    private static final String[] PROVIDERS = { "苏州颐家居家护理服务有限公司", "姑苏乐龄居家养老服务中心", "康乃馨健康照护服务有限公司" };

    private final RegionDirectory regions;
    private final UserAccounts users;
    private final ElderRegistry elders;
    private final DemoProperties props;
    private final TransactionTemplate tx;

    DemoCity(RegionDirectory regions, UserAccounts users, ElderRegistry elders, DemoProperties props, TransactionTemplate tx) {
        this.regions = regions;
        this.users = users;
        this.elders = elders;
        this.props = props;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (regions.findByCode("320500").isPresent()) {
            return;
        }
        long started = System.nanoTime();
        tx.executeWithoutResult(s -> generate(new Random(props.seed())));
        log.info("Demo city generated in {} ms: {} elders, {} staff", (System.nanoTime() - started) / 1_000_000, props.elders(), props.staff());
    }

    private void generate(Random rnd) {
        Jurisdiction root = Jurisdiction.system("/");
        Region city = regions.create(new RegionDirectory.NewRegion("320500", "苏州市", "Suzhou", RegionLevel.CITY, null, 31.2990, 120.5853), root);
        Region district = regions.create(new RegionDirectory.NewRegion("320508", "姑苏区", "Gusu District", RegionLevel.DISTRICT, city.id(), 31.3110, 120.6170), root);
        Jurisdiction admin = new Jurisdiction(0, "system", "/", false, Set.of("REGION_ADMIN", "ELDER_WRITE", "ELDER_IMPORT", "CONSENT_WRITE"));
        regions.saveOrganisation(null, new RegionDirectory.OrganisationInput("MZJ-320508", "姑苏区民政局", OrganisationType.CIVIL_AFFAIRS,
                district.id(), "0512-65223000", "姑苏区人民路 1 号", true), admin);

        List<Region> streets = new ArrayList<>();
        List<Region> communities = new ArrayList<>();
        List<List<Region>> complexesOf = new ArrayList<>();
        List<Organisation> providers = new ArrayList<>();
        for (int s = 0; s < STREETS.length; s++) {
            String[] st = STREETS[s];
            double slat = Double.parseDouble(st[3]);
            double slon = Double.parseDouble(st[4]);
            Region street = regions.create(new RegionDirectory.NewRegion(st[0], st[1], st[2], RegionLevel.STREET, district.id(), slat, slon), root);
            streets.add(street);
            regions.saveOrganisation(null, new RegionDirectory.OrganisationInput("JDZX-" + st[0], st[1] + "综合养老服务中心",
                    OrganisationType.STREET_CENTRE, street.id(), "0512-6" + (5100000 + s * 1111), st[1] + "综合服务楼", true), admin);
            providers.add(regions.saveOrganisation(null, new RegionDirectory.OrganisationInput("FWJG-00" + (s + 1), PROVIDERS[s],
                    OrganisationType.SERVICE_PROVIDER, street.id(), "0512-6" + (7200000 + s * 2345), st[1] + "服务站", true), admin));
            for (int c = 0; c < COMMUNITIES[s].length; c++) {
                double clat = slat + (rnd.nextDouble() - 0.5) * 0.02;
                double clon = slon + (rnd.nextDouble() - 0.5) * 0.02;
                String code = st[0] + String.format("%03d", c + 1);
                Region community = regions.create(new RegionDirectory.NewRegion(code, COMMUNITIES[s][c], null, RegionLevel.COMMUNITY,
                        street.id(), clat, clon), root);
                communities.add(community);
                regions.saveOrganisation(null, new RegionDirectory.OrganisationInput("SQZX-" + code, COMMUNITIES[s][c] + "养老服务站",
                        OrganisationType.COMMUNITY_CENTRE, community.id(), null, null, true), admin);
                List<Region> complexes = new ArrayList<>();
                for (int x = 0; x < 2; x++) {
                    String name = COMMUNITIES[s][c].replace("社区", "") + COMPLEXES[rnd.nextInt(COMPLEXES.length)] + (x == 0 ? "" : "二期");
                    complexes.add(regions.create(new RegionDirectory.NewRegion(code + String.format("%02d", x + 1), name, null,
                            RegionLevel.COMPLEX, community.id(), clat + (rnd.nextDouble() - 0.5) * 0.004, clon + (rnd.nextDouble() - 0.5) * 0.004), root));
                }
                complexesOf.add(complexes);
            }
        }

        String hash = users.hashPassword(DEMO_PASSWORD);
        users.provision("admin", "市民政局 管理员", hash, city.id(), null, EnumSet.of(Role.CIVIL_AFFAIRS, Role.SYSTEM_ADMIN));
        users.provision("street1", "平江街道 养老专干 周敏", hash, streets.get(0).id(), null, EnumSet.of(Role.STREET_OFFICER));
        users.provision("street2", "沧浪街道 养老专干 陆建平", hash, streets.get(1).id(), null, EnumSet.of(Role.STREET_OFFICER));
        users.provision("community1", "平江新村社区 社工 王丽", hash, communities.get(0).id(), null, EnumSet.of(Role.COMMUNITY_WORKER));
        long assessor = users.provision("assessor1", "评估员 陈静", hash, district.id(), null, EnumSet.of(Role.ASSESSOR));
        users.addCertificate(assessor, org.jujia.access.Certificate.ASSESSOR, "SZPG-2024-0107", "苏州市民政局", LocalDate.of(2024, 3, 1),
                LocalDate.of(2027, 2, 28), new Jurisdiction(0, "system", "/", false, Set.of("USER_ADMIN")));
        users.provision("provider1", "颐家护理 调度 吴凯", hash, streets.get(0).id(), providers.get(0).id(), EnumSet.of(Role.PROVIDER_OPERATOR));
        users.provision("operator1", "应急中心 坐席 孙悦", hash, district.id(), null, EnumSet.of(Role.ALARM_OPERATOR));
        users.provision("family1", "家属 李强", hash, communities.get(0).id(), null, EnumSet.of(Role.FAMILY));
        users.provision("police1", "姑苏公安分局 治安大队 钱振华", hash, district.id(), null, EnumSet.of(Role.POLICE));
        for (int i = 1; i <= props.staff(); i++) {
            int p = (i - 1) % providers.size();
            boolean female = rnd.nextInt(100) < 80;
            String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + (female ? FEMALE : MALE)[rnd.nextInt(FEMALE.length)];
            users.provision("caregiver" + i, name, hash, streets.get(p).id(), providers.get(p).id(), EnumSet.of(Role.CAREGIVER));
        }

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<ElderInput> inputs = new ArrayList<>();
        java.util.Set<String> usedIds = new java.util.HashSet<>();
        for (int i = 0; i < props.elders(); i++) {
            int ci = pickCommunity(rnd, communities.size(), i);
            Region community = communities.get(ci);
            Region complex = complexesOf.get(ci).get(rnd.nextInt(2));
            int age = Population.age(rnd);
            boolean female = rnd.nextInt(100) < (age >= 80 ? 62 : 52);
            Sex sex = female ? Sex.FEMALE : Sex.MALE;
            LocalDate birth = today.minusYears(age).minusDays(1 + rnd.nextInt(364));
            String idNumber;
            do {
                idNumber = ResidentIdNumber.of(rnd.nextInt(100) < 85 ? "320508" : "3205" + String.format("%02d", 6 + rnd.nextInt(4)), birth, sex,
                        rnd.nextInt(1000)).value();
            } while (!usedIds.add(idNumber));
            String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + (female ? FEMALE : MALE)[rnd.nextInt(FEMALE.length)];
            int living = rnd.nextInt(100);
            LivingSituation ls = living < 12 ? LivingSituation.ALONE : living < 50 ? LivingSituation.EMPTY_NEST : LivingSituation.WITH_FAMILY;
            int eco = rnd.nextInt(1000);
            EconomicCategory ec = eco < 15 ? EconomicCategory.SPECIAL_HARDSHIP : eco < 55 ? EconomicCategory.MINIMUM_LIVING
                    : eco < 135 ? EconomicCategory.LOW_INCOME : EconomicCategory.ORDINARY;
            String phone = rnd.nextInt(100) < 72 ? Population.mobile(rnd) : null;
            String address = complex.name() + (1 + rnd.nextInt(30)) + "幢" + (1 + rnd.nextInt(4)) + "单元" + (1 + rnd.nextInt(7)) + "0" + (1 + rnd.nextInt(4)) + "室";
            List<ElderInput.Contact> contacts = new ArrayList<>();
            String childSurname = female ? SURNAMES[rnd.nextInt(SURNAMES.length)] : name.substring(0, 1);
            if (i == 0) {
                contacts.add(new ElderInput.Contact(ContactKind.FAMILY, "李强", "儿子", "13962100001", "family1"));
            } else if (ls != LivingSituation.ALONE || rnd.nextBoolean()) {
                contacts.add(new ElderInput.Contact(ContactKind.EMERGENCY, childSurname + (rnd.nextBoolean() ? "伟" : "芳"),
                        rnd.nextBoolean() ? "儿子" : "女儿", Population.mobile(rnd), null));
            } else {
                contacts.add(new ElderInput.Contact(ContactKind.EMERGENCY, SURNAMES[rnd.nextInt(SURNAMES.length)] + "阿姨", "邻居", Population.mobile(rnd), null));
            }
            ElderInput.Health health = null;
            if (rnd.nextInt(100) < 65) {
                int n = 1 + rnd.nextInt(3);
                List<String> conds = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    String cnd = CONDITIONS[rnd.nextInt(CONDITIONS.length)];
                    if (!conds.contains(cnd)) {
                        conds.add(cnd);
                    }
                }
                health = new ElderInput.Health(String.join("、", conds), MEDICATIONS[rnd.nextInt(MEDICATIONS.length)], null, null);
            }
            double lat = complex.latitude() + (rnd.nextDouble() - 0.5) * 0.002;
            double lon = complex.longitude() + (rnd.nextDouble() - 0.5) * 0.002;
            inputs.add(DemoEnrolment.enrol(new ElderInput(name, idNumber, null, null, phone, address, "江苏省苏州市姑苏区", community.code(),
                    complex.code(), round(lat), round(lon), ls, ec, rnd.nextInt(100) < 1, rnd.nextInt(100) < 2, health, contacts, null),
                    props.seed(), i));
        }
        List<Long> ids = elders.registerAll(inputs, admin);
        // informed consent for the first community's elders, as its community worker would record it
        for (int i = 0; i < ids.size(); i++) {
            if (inputs.get(i).communityCode().equals(communities.get(0).code())) {
                elders.recordConsent(ids.get(i), ConsentScope.RECORD, today.minusDays(30 + rnd.nextInt(300)), "ELDER", inputs.get(i).name(), admin);
            }
        }
    }

    /** Communities get uneven numbers of elders; the first elder is always in community 1 (family1's). */
    private static int pickCommunity(Random rnd, int n, int i) {
        if (i == 0) {
            return 0;
        }
        double r = Math.pow(rnd.nextDouble(), 1.3);
        return Math.min(n - 1, (int) (r * n));
    }


    private static double round(double v) {
        return Math.round(v * 1_000_000d) / 1_000_000d;
    }
}
