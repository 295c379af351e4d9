/**
 * The library entry of estimate-cli: `import { calc, loadTemplate, evaluateTemplate,
 * renderReport } from 'estimate-cli'`. See docs/api.md. Everything here throws only
 * EstimateError (with its code, message, location and help), never prints, and never reads
 * the process (environment, arguments, working folder): what it needs is passed in.
 */
export { calc, type CalcOptions, type CalcResult } from './api/calc.js';
export { builtinTemplates, loadBuiltinTemplate, loadTemplate, type LoadOptions, type Template } from './api/template.js';
export { evaluateTemplate, type Estimate, type EvaluateOptions } from './api/evaluate.js';
export { renderReport, REPORT_FORMATS, type RenderOptions, type ReportFormat } from './api/render.js';
export { lintTemplate, type LintFinding } from './api/lint.js';
export { EstimateError, type ErrorDetails } from './diagnostics/error.js';
export { ERROR_CODES, type ErrorCode } from './diagnostics/codes.js';
export { TemplateErrors } from './api/errors.js';
export type { Report, ReportRow, ReportSection, ReportStep } from './render/report.js';
export type { Formatted } from './units/format.js';
export type { Span, Source } from './diagnostics/source.js';
