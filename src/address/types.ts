/** Where an order goes, as stored on the order (after extraction from Best Buy's JSON). */
export interface ShipTo {
  name: string | null;
  company: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  province: string | null;
  postalCode: string | null;
  country: string | null;
  phone: string | null;
  email: string | null;
}

/** Something that stops an order from shipping: one sentence saying what is wrong and the fix. */
export interface Problem {
  field: string;
  code: string;
  message: string;
}
