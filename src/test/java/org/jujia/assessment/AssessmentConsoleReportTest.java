package org.jujia.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jujia.assessment.scoring.ScoringEngine;
import org.jujia.elder.ElderDetail;
import org.jujia.elder.ElderStatus;
import org.jujia.shared.CareColour;
import org.jujia.shared.Sex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PDF report without the platform: a Chinese A4 document with the elder, the scores, the colour, the flags and the
 * signature, parsed back with OpenPDF's text extractor. Also the result summaries the console pages share with it.
 */
class AssessmentConsoleReportTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ScoringEngine ENGINE = new ScoringEngine();
    static AssessmentReport report;

    @BeforeAll
    static void setUp() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/elder", "i18n/assessment");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        report = new AssessmentReport(messages, "");
    }

    static Map<String, Object> answers() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("mmse", Map.ofEntries(Map.entry("timeOrientation", 3), Map.entry("placeOrientation", 3), Map.entry("registration", 3),
                Map.entry("attentionCalculation", 2), Map.entry("recall", 1), Map.entry("naming", 2), Map.entry("repetition", 1),
                Map.entry("threeStepCommand", 2), Map.entry("reading", 1), Map.entry("writing", 0), Map.entry("copying", 0),
                Map.entry("education", "PRIMARY")));
        a.put("barthel", Map.of("feeding", 5, "bathing", 0, "grooming", 0, "dressing", 5, "bowels", 5, "bladder", 5, "toiletUse", 5,
                "transfer", 5, "mobility", 5, "stairs", 0));
        a.put("iadl", Map.of("telephone", "C", "shopping", "D", "foodPreparation", "D", "housekeeping", "E", "laundry", "C",
                "transportation", "E", "medication", "C", "finances", "C"));
        a.put("frail", Map.of("fatigue", true, "resistance", true, "ambulation", true, "illnessCount", 5, "weightLossOver5Percent", false));
        a.put("nrs2002", Map.of("initial", Map.of("lowBmi", true, "weightLoss3Months", false, "reducedIntakeLastWeek", true, "severelyIll", false),
                "final", Map.of("nutritionalStatusScore", 1, "diseaseSeverityScore", 1, "age", 84)));
        a.put("hardship", Map.of("eating", true, "dressing", false, "bedTransfer", false, "toileting", false, "indoorWalking", false, "bathing", false));
        return a;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> results(Map<String, Object> answers) {
        Map<String, Object> results = new LinkedHashMap<>();
        Map<String, String> api = new LinkedHashMap<>(AssessmentManagement.REQUIRED);
        api.putAll(AssessmentManagement.OPTIONAL);
        api.forEach((key, instrument) -> {
            if (answers.get(key) != null) {
                results.put(key, JSON.convertValue(ENGINE.score(instrument, (Map<String, Object>) answers.get(key)), Map.class));
            }
        });
        results.put("careColour", JSON.convertValue(ENGINE.score("care-colour", answers), Map.class));
        return results;
    }

    static Assessment assessment(Assessment.Status status) {
        Map<String, Object> answers = answers();
        Map<String, Object> results = results(answers);
        Instant at = Instant.parse("2026-03-02T02:30:00Z");
        return new Assessment(41, 7, "/1/2/3/4/", status, AssessmentReason.INITIAL, null, 5, "评估员 陈静", at, "老人家中（平江路 8 号）", answers,
                results, ScoringEngine.SCORER_VERSION, CareColour.RED, List.of("COGNITIVE_IMPAIRMENT", "IADL_DEPENDENCE", "FRAIL", "NUTRITIONAL_RISK"),
                35, null, status == Assessment.Status.SIGNED ? at.plusSeconds(600) : null,
                status == Assessment.Status.SIGNED ? "9f2c4e5d0a1b3c7e8f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e" : null, 1);
    }

    static ElderDetail elder() {
        return new ElderDetail(7, "王秀英", Sex.FEMALE, LocalDate.of(1941, 5, 3), 84, "320508********1024", "138****5678", "平江路***", "江苏省苏州市",
                4, "320508001001", "平江新村社区", null, null, "平江街道", null, null, null, null, false, false, true, false, ElderStatus.ACTIVE,
                null, List.of(), List.of(), CareColour.RED, List.of(), 41L, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 6, 2), Instant.now(),
                Instant.now(), 0);
    }

    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                text.append(extractor.getTextFromPage(p)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    @Test
    void theSignedReportIsAChineseA4PdfWithScoresColourFlagsAndSignature() throws IOException {
        Assessment a = assessment(Assessment.Status.SIGNED);
        byte[] pdf = report.render(a, elder(), Instant.parse("2026-03-03T01:00:00Z"));
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "assessment-report-sample.pdf"), pdf);

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).as("one page").isEqualTo(1);
        var size = reader.getPageSize(1);
        assertThat(size.getWidth()).as("A4 width in points").isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
        assertThat(size.getHeight()).as("A4 height in points").isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
        assertThat(new String(reader.getPageContent(1), java.nio.charset.StandardCharsets.ISO_8859_1)).isNotBlank();
        reader.close();

        String text = text(pdf);
        String compact = text.replaceAll("\\s+", "");
        assertThat(compact).contains("老年人能力综合评估报告", "王秀英", "320508********1024", "84岁", "平江新村社区",
                "评估员陈静", "2026-03-0210:30", "2026-03-0210:40", a.signature(), "红色·重度失能", "认知障碍", "衰弱", "营养风险", "IADL依赖",
                "35/100", "重度依赖", "18/30", "1/8", "4/5", "3/7", "有营养风险", "完全丧失生活自理能力", "5项不能自主完成", "已签署");
        assertThat(compact).as("a signed report carries no draft mark").doesNotContain("草稿·未签署");
    }

    @Test
    void aDraftIsMarkedUnsigned() throws IOException {
        byte[] pdf = report.render(assessment(Assessment.Status.DRAFT), elder(), Instant.now());
        String compact = text(pdf).replaceAll("\\s+", "");
        assertThat(compact).contains("本评估为草稿，尚未签署", "草稿·未签署");
    }

    @Test
    void summariesNameEachInstrumentsScoreAndResultInChineseAndEnglish() {
        List<AssessmentReport.Line> lines = report.lines(results(answers()));
        assertThat(lines).extracting(AssessmentReport.Line::instrument).containsExactly("mmse", "barthel", "iadl", "frail", "nrs2002", "hardship");
        AssessmentReport.Line mmse = lines.get(0);
        assertThat(mmse.score()).isEqualTo("18 / 30");
        assertThat(mmse.parts()).extracting(m -> report.text(m, AssessmentReport.CHINESE)).containsExactly("中度", "认知障碍（分界值 20）");
        assertThat(mmse.parts()).extracting(m -> report.text(m, java.util.Locale.ENGLISH))
                .containsExactly("moderate", "cognitive impairment (cut-off 20)");
        assertThat(lines.get(4).parts()).extracting(m -> report.text(m, AssessmentReport.CHINESE)).containsExactly("有营养风险，需营养支持计划");
    }

    @Test
    void theFontComesFromTheMavenArtifact() {
        assertThat(AssessmentReport.class.getClassLoader().getResource(org.jujia.shared.ChinesePdf.BUNDLED_FONT)).as("Noto Sans SC on the classpath").isNotNull();
        assertThat(report.font().getPostscriptFontName()).containsIgnoringCase("NotoSansSC");
    }
}
