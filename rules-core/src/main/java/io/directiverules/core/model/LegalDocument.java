package io.directiverules.core.model;

/** Legal documents that disseminations cover. */
public enum LegalDocument {
    LAW_36_2018, LAW_132_2025, DECREE_59_2019, DECREE_134_2021, DECREE_130_2020, REG_131, REG_132, REG_114, REG_41,
    DIRECTIVE_09_2024, CONCLUSION_05
}
