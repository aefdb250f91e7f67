package org.jujia.careplan;

/** A monthly subsidy the estimate applied against the family's share (e.g. special hardship, minimum living allowance). */
public record Subsidy(String kind, long fen) {
}
