app_name = "onestop"
app_title = "onestop"
app_publisher = "onestop developers"
app_description = "Annual plan and daily work of a provincial one-stop administrative service centre"
app_email = "dev@onestop.localhost"
app_license = "MIT"

export_python_type_annotations = True
