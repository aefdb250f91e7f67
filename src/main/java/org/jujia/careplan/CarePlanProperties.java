package org.jujia.careplan;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of care plans and their agreements ({@code jujia.careplan.*}).
 *
 * @param complaintHotline  the complaint channel printed in every agreement (default 12349, the elder-care hotline)
 * @param complaintDays     working days within which a complaint is answered, as the agreement promises
 * @param agreementFont     a TTF/OTF (or {@code file.ttc,index}) for the Chinese PDF; empty = Noto Sans SC
 * @param signatureMaxBytes the largest drawn-signature PNG accepted
 */
@ConfigurationProperties("jujia.careplan")
record CarePlanProperties(String complaintHotline, Integer complaintDays, String agreementFont, Integer signatureMaxBytes) {

    CarePlanProperties {
        complaintHotline = complaintHotline == null || complaintHotline.isBlank() ? "12349" : complaintHotline;
        complaintDays = complaintDays == null ? 7 : complaintDays;
        signatureMaxBytes = signatureMaxBytes == null ? 300_000 : signatureMaxBytes;
    }
}
