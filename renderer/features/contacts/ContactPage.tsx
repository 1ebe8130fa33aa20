/** Placeholder while this area is being built (issue 3). */
export function ContactPage() {
  return <h1>ContactPage</h1>;
}
