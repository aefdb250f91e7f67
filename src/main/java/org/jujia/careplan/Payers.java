package org.jujia.careplan;

/** Who pays how much of a month's amount, in fen (PLATFORM.md §7). */
public record Payers(long government, long ltcInsurance, long commercialInsurance, long self) {

    public static final Payers NONE = new Payers(0, 0, 0, 0);

    public long total() {
        return government + ltcInsurance + commercialInsurance + self;
    }

    /** What public money and insurers pay (everything but SELF). */
    public long covered() {
        return government + ltcInsurance + commercialInsurance;
    }

    public Payers plus(Payers o) {
        return new Payers(government + o.government, ltcInsurance + o.ltcInsurance, commercialInsurance + o.commercialInsurance, self + o.self);
    }

    public Payers minus(Payers o) {
        return new Payers(government - o.government, ltcInsurance - o.ltcInsurance, commercialInsurance - o.commercialInsurance, self - o.self);
    }
}
