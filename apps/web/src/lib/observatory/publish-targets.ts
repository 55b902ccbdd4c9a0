/** What the Lab's publish form offers (see $lib/server/observatory/publish-targets). */
export interface PublishTargetsView {
  readonly cohorts: readonly { readonly id: string; readonly label: string }[];
  readonly countries: readonly { readonly value: string; readonly label: string }[];
}
