package org.jujia.settlement;

/** The accounts of the city special pool (rows of {@code settlement_ledger_account}). */
public enum LedgerAccount {
    /** the pool's money (asset, debit-normal) */
    POOL_BANK,
    /** contributions from the welfare lottery fund (55%) */
    SOURCE_WELFARE_LOTTERY,
    /** contributions from the general public budget (30%) */
    SOURCE_GENERAL_BUDGET,
    /** contributions from social capital (15%) */
    SOURCE_SOCIAL_CAPITAL,
    /** the government share of verified visits paid to providers */
    SERVICE_PAYMENTS,
    /** subsidies applied against families' SELF shares */
    SUBSIDIES,
    /** fines for confirmed fraud deducted from providers */
    PENALTIES
}
