CREATE TABLE "team_hr_indicators" (
	"team_id" uuid NOT NULL,
	"month" date NOT NULL,
	"absenteeism_pct" double precision,
	"absence_frequency" double precision,
	"turnover_pct" double precision,
	"overtime_hours" double precision,
	"vacancies" double precision,
	"integrity_reports" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_hr_indicators_team_id_month_pk" PRIMARY KEY("team_id","month")
);
--> statement-breakpoint
CREATE TABLE "team_plan_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "team_plan_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"plan_id" uuid NOT NULL,
	"measure_id" uuid,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"version" integer NOT NULL,
	"actor_person_id" uuid,
	"actor_role" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_plan_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"progress" smallint,
	"progress_note" text,
	"scale_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"risks" jsonb NOT NULL,
	"conversation_on" date,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_hr_indicators" ADD CONSTRAINT "team_hr_indicators_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plan_events" ADD CONSTRAINT "team_plan_events_plan_id_team_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."team_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plan_events" ADD CONSTRAINT "team_plan_events_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plan_measures" ADD CONSTRAINT "team_plan_measures_plan_id_team_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."team_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plans" ADD CONSTRAINT "team_plans_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plans" ADD CONSTRAINT "team_plans_wave_id_survey_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."survey_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_plans" ADD CONSTRAINT "team_plans_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "team_hr_indicators_month_idx" ON "team_hr_indicators" USING btree ("month");--> statement-breakpoint
CREATE INDEX "team_plan_events_plan_idx" ON "team_plan_events" USING btree ("plan_id","seq");--> statement-breakpoint
CREATE INDEX "team_plan_measures_plan_idx" ON "team_plan_measures" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "team_plan_measures_open_due_idx" ON "team_plan_measures" USING btree ("due_on") WHERE status in ('planned', 'in_progress');--> statement-breakpoint
CREATE UNIQUE INDEX "team_plans_team_wave_uq" ON "team_plans" USING btree ("team_id","wave_id");--> statement-breakpoint
CREATE INDEX "team_plans_wave_idx" ON "team_plans" USING btree ("wave_id");--> statement-breakpoint
-- A plan's history is append-only: its rows are never changed or removed (the service only inserts).
CREATE FUNCTION team_plan_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'team_plan_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER team_plan_events_append_only BEFORE UPDATE OR DELETE ON team_plan_events
  FOR EACH ROW EXECUTE FUNCTION team_plan_events_guard();
