// <tuopin-assessment>: the fields of the form. `path` is the contract path (the same as problem
// paths), relative to a member for MEMBER_FIELDS. kind: text | date | money | number | enum | bool | multi | province.

export const ENUMS = {
  registration: ["poor", "exited", "ordinary"],
  relation: ["head", "spouse", "child", "child_in_law", "grandchild", "parent", "grandparent", "sibling", "other"],
  sex: ["male", "female"],
  health: ["healthy", "chronic", "serious", "disabled"],
  disabilityGrade: [1, 2, 3, 4],
  labour: ["normal", "skilled", "weak", "lost", "none"],
  schooling: [
    "not_student", "preschool", "primary", "junior", "senior", "vocational", "college",
    "home_tutoring", "exempt", "deferred", "dropped_out", "not_enrolled",
  ],
  dropoutReason: ["poverty", "other"],
  medicalInsurance: ["resident", "employee", "commercial", "none"],
  grade: ["A", "B", "C", "D", "none"],
  relocationMode: ["centralized", "scattered"],
  safeAlternative: ["with_family", "public_rental", "rented"],
  category: ["unstable_exited", "marginal", "sudden_hardship"],
  measure: [
    "industry", "employment", "finance", "public_welfare_job", "health", "education", "compulsory_education",
    "housing", "water", "social_security", "relocation", "social_assistance", "living_conditions",
    "infrastructure", "ecological_compensation",
  ],
  risk: [
    "illness", "disability", "education", "disaster", "accident", "business_failure", "unstable_employment",
    "lack_of_labour", "housing", "water", "other",
  ],
};

export const HOUSEHOLD_FIELDS = [
  { path: "id", kind: "text" },
  { path: "province", kind: "province", required: true },
  { path: "registration", kind: "enum", codes: "registration" },
  { path: "identifiedOn", kind: "date", showIf: { field: "registration", values: ["poor", "exited", ""] } },
  { path: "exitedOn", kind: "date", showIf: { field: "registration", values: ["exited"] } },
  { path: "waterShortArea", kind: "bool" },
];

export const MEMBER_FIELDS = [
  { path: "name", kind: "text" },
  { path: "idNumber", kind: "text", id: true },
  { path: "relation", kind: "enum", codes: "relation", required: true },
  { path: "sex", kind: "enum", codes: "sex", required: true },
  { path: "birthDate", kind: "date", required: true },
  { path: "health", kind: "enum", codes: "health" },
  { path: "disabilityGrade", kind: "enum", codes: "disabilityGrade", numeric: true, showIf: { field: "health", value: "disabled" } },
  { path: "labour", kind: "enum", codes: "labour" },
  { path: "schooling", kind: "enum", codes: "schooling" },
  { path: "dropoutReason", kind: "enum", codes: "dropoutReason", showIf: { field: "schooling", value: "dropped_out" } },
  // Whether grade 9 was completed matters for the young (compulsory schooling), not for adults.
  { path: "completedCompulsory", kind: "bool", showIf: { youngerThan: 20 } },
  { path: "medicalInsurance", kind: "multi", codes: "medicalInsurance", wide: true },
  { path: "criticalIllnessInsurance", kind: "bool" },
  { path: "medicalAssistance", kind: "bool" },
];

export const INCOME_FIELDS = ["wage", "business", "property", "transfer", "businessCosts"].map((k) => ({ path: `income.${k}`, kind: "money" }));
export const TRANSFER_ITEMS = ["basicPension", "dibaoA", "dibaoB", "dibaoC", "oneOffRelief"];
export const TRANSFER_FIELDS = TRANSFER_ITEMS.map((k) => ({ path: `income.transferItems.${k}`, kind: "money" }));
export const SPENDING_FIELDS = ["medicalOutOfPocket", "education", "disasterLoss"].map((k) => ({ path: `spending.${k}`, kind: "money" }));
export const FOOD_FIELDS = [{ path: "food.secure", kind: "bool" }, { path: "clothing.secure", kind: "bool" }];
export const HOUSING_FIELDS = [
  { path: "housing.grade", kind: "enum", codes: "grade" },
  { path: "housing.areaM2", kind: "number" },
  { path: "housing.safeAlternative", kind: "enum", codes: "safeAlternative" },
];
export const RELOCATION_FIELDS = [
  { path: "housing.relocation.mode", kind: "enum", codes: "relocationMode" },
  { path: "housing.relocation.keysHandedOver", kind: "bool" },
  { path: "housing.relocation.movedIn", kind: "bool" },
];
export const WATER_FIELDS = [
  { path: "water.pipedToHome", kind: "bool" },
  { path: "water.litresPerPersonDay", kind: "number" },
  { path: "water.fetchMinutes", kind: "number" },
  { path: "water.horizontalM", kind: "number" },
  { path: "water.verticalM", kind: "number" },
  { path: "water.daysWithoutSupply", kind: "number" },
  { path: "water.qualityOk", kind: "bool" },
];
export const ELECTRICITY_FIELDS = [{ path: "electricity.connected", kind: "bool" }];
export const MONITORING_FIELDS = [
  { path: "monitoring.category", kind: "enum", codes: "category" },
  { path: "monitoring.identifiedOn", kind: "date" },
  { path: "monitoring.riskGone", kind: "bool" },
  { path: "monitoring.riskEliminatedOn", kind: "date" },
  { path: "monitoring.measures", kind: "multi", codes: "measure", wide: true, label: "measures" },
  { path: "monitoring.risks", kind: "multi", codes: "risk", wide: true, label: "risks" },
];
export const EXIT_STEPS = ["democratic_review", "verification", "household_consent", "public_notice", "announcement", "deregistration"];
export const EXIT_FIELDS = EXIT_STEPS.map((s) => ({ path: `exitProcedure.${s}`, kind: "date" }));

/** Top-level keys the form manages; anything else a loaded household carries is kept as is. */
export const MANAGED_KEYS = new Set([
  "id", "province", "waterShortArea", "registration", "identifiedOn", "exitedOn", "monitoring", "members",
  "income", "spending", "food", "clothing", "housing", "water", "electricity", "exitProcedure",
]);

export function emptyHousehold(province) {
  const hh = { members: [{ relation: "head" }], income: {} };
  if (province) hh.province = province;
  return hh;
}

