{{- define "sharedhotline.name" -}}{{ .Chart.Name }}{{- end -}}
{{- define "sharedhotline.fullname" -}}{{ printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" }}{{- end -}}
{{- define "sharedhotline.labels" -}}
app.kubernetes.io/name: {{ include "sharedhotline.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}
{{- define "sharedhotline.selector" -}}
app.kubernetes.io/name: {{ include "sharedhotline.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "sharedhotline.connectionsSecret" -}}
{{- if .Values.connections.create }}{{ include "sharedhotline.fullname" . }}-connections{{ else }}{{ .Values.connections.existingSecret }}{{ end }}
{{- end -}}
