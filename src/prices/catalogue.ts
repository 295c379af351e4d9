/**
 * The price catalogue: unit prices a template reads by name (`price.object_storage`), each a
 * typed quantity with its source and the date that source states. Data only: src/prices/inject.ts
 * turns the prices a template uses into inputs, src/reference/prices.ts prints the card.
 *
 * Billing uses a 730-hour month (8,760 h / 12), not the estimates' 30-day month (720 h): a
 * price "per month" is written per `billing_month`, a unit the `billing_month` convention sizes
 * (src/units/conventions.ts; `--convention billing_month=720h` changes it), so
 * `stored * price.object_storage` shown in `USD/billing_month` is one billing month's charge.
 */

/** One unit price. */
export interface PriceDef {
  /** The name after `price.`. */
  readonly name: string;
  readonly label: string;
  /** The amount in `unit`. */
  readonly amount: number;
  /** The unit as the card shows it and a bare number in a --prices file means (`USD/GB/billing_month`). */
  readonly unit: string;
  /** The same unit in the expression language: what the amount is compiled in. */
  readonly expr: string;
  /** The unit the price is shown in as an input (and a bare `--set` number takes). */
  readonly display?: string;
  /** Count units the price is per (`vcpu`): declared in a template that uses the price. */
  readonly counts?: readonly string[];
  /** Where the figure comes from: a key of SOURCES. */
  readonly source: string;
  /** The date the source states (ISO); for a page that states none, the day its stored copy was read. */
  readonly read: string;
  readonly note?: string;
}

/**
 * The sources, cited in full once (the card's notes, docs/pricing.md); entries name them short.
 * Each names the page (URL) or repository path actually read, and the date it states.
 */
export const SOURCES: ReadonlyMap<string, string> = new Map([
  ['napkin-math', 'napkin-math README.md, "Cost Numbers" table, github.com/sirupsen/napkin-math @ 02ac5c9 (committed 2020-02-03): CPU $10, memory $1, SSD $0.1, disk $0.01 per month'],
  ['S3 storage', 'https://cloudburn.io/blog/amazon-s3-pricing (2026-03-13; "All prices are for US East (N. Virginia) as of March 2026"): S3 Standard $0.023/GB/month'],
  ['S3 requests', 'https://c3x.dev/blog/s3-request-fees-explained (the page states no date; stored copy read 2026-12-01): S3 Standard PUT/COPY/POST/LIST $0.005 and GET $0.0004 per 1,000 requests'],
  ['EBS gp3', 'https://www.saisci.com/aws/gp2-vs-gp3-cost-comparison-ebs-volumes/ ("Last Updated on February 4, 2021", quoting the Amazon EBS pricing page for N. Virginia): gp3 $0.08/GB-month'],
  ['AWS transfer', 'https://cloud-cost-557.pages.dev/blog/estimate-aws-data-transfer-bill/ (CloudPriceBook, 2026-06-10, "list prices as of June 2026"): internet egress $0.09/GB, cross-region $0.02/GB, inter-AZ $0.01/GB each way; the same three in https://leanopstech.com/blog/aws-data-transfer-pricing-2026/ (2026-04-27)'],
  ['CloudFront', 'http://aws.amazon.com/cloudfront/pricing (the page states no date; stored copy read 2026-12-01): United States, Mexico and Canada, first 10 TB $0.085/GB'],
]);
const NAPKIN = 'napkin-math';
const NAPKIN_2026 = 'napkin-math @ aae5832 (2026-03-21) lists it as a 1-year-commitment price; on demand it lists';

/** Every price, in the order the card shows them. */
export const PRICES: readonly PriceDef[] = [
  { name: 'vcpu', label: 'Compute, one vCPU', amount: 10, unit: 'USD/vcpu/billing_month', expr: 'USD/vcpu/billing_month', display: 'USD/vcpu/billing_month', counts: ['vcpu'], source: NAPKIN, read: '2020-02-03', note: `${NAPKIN_2026} $15` },
  { name: 'memory', label: 'Memory', amount: 1, unit: 'USD/GB/billing_month', expr: 'USD/GB/billing_month', display: 'USD/GB/billing_month', source: NAPKIN, read: '2020-02-03', note: `${NAPKIN_2026} $2` },
  { name: 'ssd', label: 'Local SSD', amount: 0.1, unit: 'USD/GB/billing_month', expr: 'USD/GB/billing_month', display: 'USD/GB/billing_month', source: NAPKIN, read: '2020-02-03', note: 'napkin-math @ aae5832 (2026-03-21) lists ephemeral SSD at $0.08 and zonal SSD at $0.2' },
  { name: 'disk', label: 'Spinning disk', amount: 0.01, unit: 'USD/GB/billing_month', expr: 'USD/GB/billing_month', display: 'USD/GB/billing_month', source: NAPKIN, read: '2020-02-03', note: 'napkin-math @ aae5832 (2026-03-21) lists zonal HDD at $0.05' },
  { name: 'object_storage', label: 'Object storage, first 50 TB', amount: 0.023, unit: 'USD/GB/billing_month', expr: 'USD/GB/billing_month', display: 'USD/GB/billing_month', source: 'S3 storage', read: '2026-03-13', note: 'napkin-math rounds blob storage to $0.01 (2020) and $0.02 (2026)' },
  { name: 'block_ssd', label: 'Block SSD (gp3)', amount: 0.08, unit: 'USD/GB/billing_month', expr: 'USD/GB/billing_month', display: 'USD/GB/billing_month', source: 'EBS gp3', read: '2021-02-04' },
  { name: 'egress', label: 'Egress to the internet, first 10 TB', amount: 0.09, unit: 'USD/GB', expr: 'USD/GB', display: 'USD/GB', source: 'AWS transfer', read: '2026-06-10', note: 'napkin-math rounds internet egress to $0.01 (2020) and $0.1 (2026)' },
  { name: 'cdn', label: 'CDN delivery, first 10 TB', amount: 0.085, unit: 'USD/GB', expr: 'USD/GB', display: 'USD/GB', source: 'CloudFront', read: '2026-12-01', note: 'the AWS page states no date: the date is when its stored copy was read' },
  { name: 'inter_zone', label: 'Between zones, each way', amount: 0.01, unit: 'USD/GB', expr: 'USD/GB', display: 'USD/GB', source: 'AWS transfer', read: '2026-06-10' },
  { name: 'inter_region', label: 'Transfer between regions', amount: 0.02, unit: 'USD/GB', expr: 'USD/GB', display: 'USD/GB', source: 'AWS transfer', read: '2026-06-10' },
  { name: 'requests_read', label: 'Object reads (GET)', amount: 0.4, unit: 'USD/million requests', expr: 'USD/1M request', source: 'S3 requests', read: '2026-12-01', note: 'the page states no date: the date is when its stored copy was read' },
  { name: 'requests_write', label: 'Object writes (PUT)', amount: 5, unit: 'USD/million requests', expr: 'USD/1M request', source: 'S3 requests', read: '2026-12-01', note: 'the page states no date: the date is when its stored copy was read' },
];

/** The prices by name (a Map: names never come from object properties). */
export const PRICE_BY_NAME: ReadonlyMap<string, PriceDef> = new Map(PRICES.map((p) => [p.name, p]));

/** The prefix a template reads prices with. */
export const PRICE_PREFIX = 'price.';

/** The expression of a catalogue price (`0.023 * (1 USD/GB/billing_month)`). */
export function priceText(p: PriceDef, amount: string = String(p.amount)): string {
  return `${amount} * (1 ${p.expr})`;
}
