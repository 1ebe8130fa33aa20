/** Placeholder while this area is being built (issue 3). */
export function TodayPage() {
  return <h1>TodayPage</h1>;
}
