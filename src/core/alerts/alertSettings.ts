// What the user chose about alerts (the `sentryInsight.alerts.*` settings), as the policy reads them.

export interface AlertSettings {
  readonly enabled: boolean;
  /** Alerts are held back (nothing is shown, nothing is remembered) until quiet mode ends. */
  readonly quietMode: boolean;
  /** An issue with more events than this in the last hour alerts; 0 turns the threshold off. */
  readonly eventsPerHourThreshold: number;
  /** After an alert, the same issue does not alert again for the same reason for this long. */
  readonly cooldownHours: number;
}

export const defaultAlertSettings: AlertSettings = {
  enabled: true,
  quietMode: false,
  eventsPerHourThreshold: 100,
  cooldownHours: 24,
};
