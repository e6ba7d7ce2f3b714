// Progress: check-ins, clinical measures, questionnaires, adherence, decision-support rules, trends.
export * from "./check-in";
export * from "./budapest";
export * from "./css";
export * from "./questionnaires";
export * from "./adherence";
export * from "./rules";
export * from "./crisis-resources";
export * from "./trends";
export * from "./alert-policy";
export * from "./rule-snapshot";
export * from "./inputs";
export * from "./plan-context";
export * from "./progress-summary";
export * from "./chart-axis";
