CREATE TABLE "control_follow_up_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "control_follow_up_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"team_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"year" smallint,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"version" integer NOT NULL,
	"actor_person_id" uuid,
	"actor_role" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"participants" integer NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outreach_activities_participants_ck" CHECK ("outreach_activities"."participants" >= 1)
);
--> statement-breakpoint
CREATE TABLE "reflection_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" integer NOT NULL,
	"agreed_actions" jsonb NOT NULL,
	"notes" text,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflection_sessions_participants_ck" CHECK ("reflection_sessions"."participants" >= 1),
	CONSTRAINT "reflection_sessions_period_ck" CHECK ("reflection_sessions"."period_from" <= "reflection_sessions"."period_to")
);
--> statement-breakpoint
CREATE TABLE "team_ambassadors" (
	"training_year_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_training_years" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"ibt_participants" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_training_years_ibt_ck" CHECK ("team_training_years"."ibt_participants" >= 0)
);
--> statement-breakpoint
ALTER TABLE "control_follow_up_events" ADD CONSTRAINT "control_follow_up_events_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_follow_up_events" ADD CONSTRAINT "control_follow_up_events_actor_person_id_people_id_fk" FOREIGN KEY ("actor_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_activities" ADD CONSTRAINT "outreach_activities_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_sessions" ADD CONSTRAINT "reflection_sessions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_sessions" ADD CONSTRAINT "reflection_sessions_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_ambassadors" ADD CONSTRAINT "team_ambassadors_training_year_id_team_training_years_id_fk" FOREIGN KEY ("training_year_id") REFERENCES "public"."team_training_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_ambassadors" ADD CONSTRAINT "team_ambassadors_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_training_years" ADD CONSTRAINT "team_training_years_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "control_follow_up_events_subject_idx" ON "control_follow_up_events" USING btree ("subject_id","seq");--> statement-breakpoint
CREATE INDEX "control_follow_up_events_team_year_idx" ON "control_follow_up_events" USING btree ("team_id","year","seq");--> statement-breakpoint
CREATE INDEX "outreach_activities_team_idx" ON "outreach_activities" USING btree ("team_id","held_on");--> statement-breakpoint
CREATE INDEX "reflection_sessions_team_idx" ON "reflection_sessions" USING btree ("team_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "team_ambassadors_year_person_uq" ON "team_ambassadors" USING btree ("training_year_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "team_training_years_team_year_uq" ON "team_training_years" USING btree ("team_id","year");--> statement-breakpoint
-- The follow-up history is append-only: its rows are never changed or removed (the service only inserts).
CREATE FUNCTION control_follow_up_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'control_follow_up_events is append-only (% refused)', TG_OP
    USING ERRCODE = 'integrity_constraint_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER control_follow_up_events_append_only BEFORE UPDATE OR DELETE ON control_follow_up_events
  FOR EACH ROW EXECUTE FUNCTION control_follow_up_events_guard();
