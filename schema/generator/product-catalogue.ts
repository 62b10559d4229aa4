/** The bank's loan products: a fixed list with at least one product per contract category. */

/** A product category of the contract. */
export type ProductCategory = "mortgage" | "auto" | "consumer" | "education" | "travel" | "renovation" | "micro_business";

/** One product as the generator writes it, with the knobs that drive its loans. */
export interface ProductRecord {
  productId: string;
  name: string;
  nameEnglish: string;
  category: ProductCategory;
  secured: boolean;
  baseRate: number;
  minAmount: number;
  maxAmount: number;
  maxTermMonths: number;
  /** Terms borrowers pick, in months. */
  terms: readonly number[];
  /** Typical request as a multiple of annual income. */
  incomeMultiple: number;
  /** Monthly hazard of falling into arrears for an average borrower. */
  defaultHazard: number;
  /** Monthly probability of paying the loan off early. */
  prepayment: number;
}

type ProductInput = Omit<ProductRecord, "productId">;

const PRODUCT_INPUTS: readonly ProductInput[] = [
  { name: "个人住房按揭贷款", nameEnglish: "Home Mortgage", category: "mortgage", secured: true, baseRate: 0.0395, minAmount: 300_000, maxAmount: 6_000_000, maxTermMonths: 360, terms: [240, 300, 360], incomeMultiple: 6, defaultHazard: 0.0016, prepayment: 0.003 },
  { name: "公积金组合贷款", nameEnglish: "Provident Fund Combination Mortgage", category: "mortgage", secured: true, baseRate: 0.0335, minAmount: 200_000, maxAmount: 3_000_000, maxTermMonths: 300, terms: [180, 240, 300], incomeMultiple: 4.5, defaultHazard: 0.0013, prepayment: 0.003 },
  { name: "新车贷款", nameEnglish: "New Car Loan", category: "auto", secured: true, baseRate: 0.045, minAmount: 50_000, maxAmount: 600_000, maxTermMonths: 60, terms: [24, 36, 48, 60], incomeMultiple: 0.9, defaultHazard: 0.0031, prepayment: 0.008 },
  { name: "二手车贷款", nameEnglish: "Used Car Loan", category: "auto", secured: true, baseRate: 0.058, minAmount: 30_000, maxAmount: 300_000, maxTermMonths: 48, terms: [12, 24, 36, 48], incomeMultiple: 0.6, defaultHazard: 0.0071, prepayment: 0.008 },
  { name: "个人消费贷", nameEnglish: "Personal Consumer Loan", category: "consumer", secured: false, baseRate: 0.0688, minAmount: 10_000, maxAmount: 300_000, maxTermMonths: 36, terms: [12, 24, 36], incomeMultiple: 0.3, defaultHazard: 0.0083, prepayment: 0.012 },
  { name: "信用快贷", nameEnglish: "Quick Credit Loan", category: "consumer", secured: false, baseRate: 0.0888, minAmount: 5_000, maxAmount: 200_000, maxTermMonths: 24, terms: [6, 12, 24], incomeMultiple: 0.25, defaultHazard: 0.012, prepayment: 0.015 },
  { name: "国家助学贷款", nameEnglish: "National Student Loan", category: "education", secured: false, baseRate: 0.0345, minAmount: 5_000, maxAmount: 80_000, maxTermMonths: 120, terms: [36, 60, 96, 120], incomeMultiple: 1.5, defaultHazard: 0.0071, prepayment: 0.004 },
  { name: "留学贷款", nameEnglish: "Study Abroad Loan", category: "education", secured: false, baseRate: 0.049, minAmount: 50_000, maxAmount: 800_000, maxTermMonths: 96, terms: [36, 60, 96], incomeMultiple: 1.2, defaultHazard: 0.0048, prepayment: 0.006 },
  { name: "旅游分期贷", nameEnglish: "Travel Installment Loan", category: "travel", secured: false, baseRate: 0.0799, minAmount: 5_000, maxAmount: 100_000, maxTermMonths: 24, terms: [6, 12, 24], incomeMultiple: 0.12, defaultHazard: 0.0104, prepayment: 0.012 },
  { name: "家装贷", nameEnglish: "Home Renovation Loan", category: "renovation", secured: false, baseRate: 0.0560, minAmount: 30_000, maxAmount: 500_000, maxTermMonths: 60, terms: [12, 24, 36, 60], incomeMultiple: 0.5, defaultHazard: 0.0061, prepayment: 0.01 },
  { name: "小微经营贷", nameEnglish: "Micro Business Loan", category: "micro_business", secured: false, baseRate: 0.0620, minAmount: 50_000, maxAmount: 1_000_000, maxTermMonths: 36, terms: [12, 24, 36], incomeMultiple: 0.8, defaultHazard: 0.0104, prepayment: 0.01 },
  { name: "经营抵押贷", nameEnglish: "Secured Business Loan", category: "micro_business", secured: true, baseRate: 0.0450, minAmount: 200_000, maxAmount: 3_000_000, maxTermMonths: 120, terms: [36, 60, 120], incomeMultiple: 2.5, defaultHazard: 0.0048, prepayment: 0.006 },
];

/** Every product, P01.. in list order. */
export const PRODUCTS: readonly ProductRecord[] = PRODUCT_INPUTS.map((product, index) => ({
  ...product,
  productId: `P${String(index + 1).padStart(2, "0")}`,
}));

/** The products of each category. */
export function productsOfCategory(category: ProductCategory): readonly ProductRecord[] {
  return PRODUCTS.filter((product) => product.category === category);
}
