package org.jujia.careplan;

/** A catalogue item as the plan builder offers it: names, package, unit, standard minutes and today's price. */
public record PlanItem(String code, String nameZh, String nameEn, String packageCode, String unit, String category, int standardMinutes,
        long unitPriceFen, long priceVersionId) {
}
