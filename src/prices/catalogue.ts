/**
 * The price catalogue: unit prices a template reads by name (`price.object_storage`), each a
 * typed quantity with its source and the date it was read. Data only: src/prices/inject.ts
 * turns the prices a template uses into inputs, src/reference/prices.ts prints the card.
 *
 * Billing uses a 730-hour month (8,760 h / 12), not the estimates' 30-day month (720 h): a
 * price "per month" is written here per `730 h`, so `stored * price.object_storage * 730 h`
 * is one billing month's charge. When the conventions mechanism (`conventions:`, `--convention
 * month=730h`) lands, `billing_month` should become a convention and these texts use it.
 */

/** One unit price. */
export interface PriceDef {
  /** The name after `price.`. */
  readonly name: string;
  readonly label: string;
  /** The amount in `unit`. */
  readonly amount: number;
  /** The unit as people write it (`USD/GB/month`); `month` here is the 730-hour billing month. */
  readonly unit: string;
  /** The same unit in the expression language (`USD/GB/730 h`): what the amount is compiled in. */
  readonly expr: string;
  /** The unit the price is shown in as an input: a 730-hour month is 1/12 year, so monthly prices show per year, exactly. */
  readonly display?: string;
  /** Count units the price is per (`vcpu`): declared in a template that uses the price. */
  readonly counts?: readonly string[];
  /** Where the figure comes from. */
  readonly source: string;
  /** When it was read (ISO date). */
  readonly read: string;
  readonly note?: string;
}

/** The billing month: 730 hours (365 × 24 / 12). */
export const BILLING_MONTH = '730 h';

/** The sources, cited in full once (the card's notes, docs/pricing.md); entries name them short. */
export const SOURCES: ReadonlyMap<string, string> = new Map([
  ['napkin-math', 'napkin-math, "Cost Numbers" table (github.com/sirupsen/napkin-math, README at commit 02ac5c9)'],
  ['AWS S3', 'Amazon S3 pricing, us-east-1, S3 Standard and requests (aws.amazon.com/s3/pricing)'],
  ['AWS EBS', 'Amazon EBS pricing, us-east-1, gp3 (aws.amazon.com/ebs/pricing)'],
  ['AWS EC2 transfer', 'Amazon EC2 on-demand pricing, data transfer, us-east-1 (aws.amazon.com/ec2/pricing/on-demand)'],
  ['AWS CloudFront', 'Amazon CloudFront pricing, North America, first 10 TB (aws.amazon.com/cloudfront/pricing)'],
]);
const NAPKIN = 'napkin-math';
const AWS = (page: string) => `AWS ${page}`;
const NAPKIN_READ = '2026-12-01';
const AWS_READ = '2026-12-01';

/** Every price, in the order the card shows them. */
export const PRICES: readonly PriceDef[] = [
  { name: 'vcpu', label: 'Compute, one vCPU', amount: 10, unit: 'USD/vCPU/month', expr: `USD/vcpu/${BILLING_MONTH}`, display: 'USD/vcpu/year', counts: ['vcpu'], source: NAPKIN, read: NAPKIN_READ },
  { name: 'memory', label: 'Memory', amount: 1, unit: 'USD/GB/month', expr: `USD/GB/${BILLING_MONTH}`, display: 'USD/GB/year', source: NAPKIN, read: NAPKIN_READ },
  { name: 'ssd', label: 'Local SSD', amount: 0.1, unit: 'USD/GB/month', expr: `USD/GB/${BILLING_MONTH}`, display: 'USD/GB/year', source: NAPKIN, read: NAPKIN_READ },
  { name: 'disk', label: 'Spinning disk', amount: 0.01, unit: 'USD/GB/month', expr: `USD/GB/${BILLING_MONTH}`, display: 'USD/GB/year', source: NAPKIN, read: NAPKIN_READ },
  { name: 'object_storage', label: 'Object storage, first 50 TB', amount: 0.023, unit: 'USD/GB/month', expr: `USD/GB/${BILLING_MONTH}`, display: 'USD/GB/year', source: AWS('S3'), read: AWS_READ, note: 'napkin-math rounds object storage to 0.01 USD/GB/month' },
  { name: 'block_ssd', label: 'Block SSD (gp3)', amount: 0.08, unit: 'USD/GB/month', expr: `USD/GB/${BILLING_MONTH}`, display: 'USD/GB/year', source: AWS('EBS'), read: AWS_READ },
  { name: 'egress', label: 'Egress to the internet, first 10 TB', amount: 0.09, unit: 'USD/GB', expr: 'USD/GB', display: 'USD/GB', source: AWS('EC2 transfer'), read: AWS_READ, note: 'napkin-math rounds network to 0.01 USD/GB' },
  { name: 'cdn', label: 'CDN delivery, first 10 TB', amount: 0.085, unit: 'USD/GB', expr: 'USD/GB', display: 'USD/GB', source: AWS('CloudFront'), read: AWS_READ },
  { name: 'inter_zone', label: 'Between zones, each way', amount: 0.01, unit: 'USD/GB', expr: 'USD/GB', display: 'USD/GB', source: AWS('EC2 transfer'), read: AWS_READ },
  { name: 'inter_region', label: 'Transfer between regions', amount: 0.02, unit: 'USD/GB', expr: 'USD/GB', display: 'USD/GB', source: AWS('EC2 transfer'), read: AWS_READ },
  { name: 'requests_read', label: 'Object reads (GET)', amount: 0.4, unit: 'USD/million requests', expr: 'USD/1M request', source: AWS('S3'), read: AWS_READ },
  { name: 'requests_write', label: 'Object writes (PUT)', amount: 5, unit: 'USD/million requests', expr: 'USD/1M request', source: AWS('S3'), read: AWS_READ },
];

/** The prices by name (a Map: names never come from object properties). */
export const PRICE_BY_NAME: ReadonlyMap<string, PriceDef> = new Map(PRICES.map((p) => [p.name, p]));

/** The prefix a template reads prices with. */
export const PRICE_PREFIX = 'price.';

/** The expression of a catalogue price (`0.023 * (USD/GB/730 h)`). */
export function priceText(p: PriceDef, amount: string = String(p.amount)): string {
  return `${amount} * (1 ${p.expr})`;
}
