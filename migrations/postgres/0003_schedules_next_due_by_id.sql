DROP INDEX "schedules_next_due";--> statement-breakpoint
CREATE INDEX "schedules_next_due" ON "schedules" USING btree ("next_due_at","id");