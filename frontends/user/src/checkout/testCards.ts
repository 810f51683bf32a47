/** The simulated payment processor's card tokens, with what each one does. */
export const testCards = [
  { token: 'tok_visa', label: 'Visa ending 4242', outcome: 'succeeds' },
  { token: 'tok_declined', label: 'Visa ending 0002', outcome: 'is declined' },
  { token: 'tok_insufficient_funds', label: 'Mastercard ending 9995', outcome: 'has insufficient funds' },
  { token: 'tok_slow', label: 'Amex ending 0005', outcome: 'answers after 10 s' },
  { token: 'tok_error', label: 'Discover ending 0009', outcome: 'fails with a processor error' },
] as const;
