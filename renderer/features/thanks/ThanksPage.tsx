/** Placeholder while this area is being built (issue 5). */
export function ThanksPage() {
  return <h1>Thank-you notes</h1>;
}
